package dev.glasshouse.console.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator's password: the configured one ({@code glasshouse.web.admin-password}), or else
 * the one generated on the first start and stored in a file only its owner can read. Says on
 * standard output where it is stored, so the person who started the console can log in.
 */
public final class AdminPassword {
    private static final Logger log = LoggerFactory.getLogger(AdminPassword.class);

    private final String password;
    private final Optional<Path> storedIn;

    private AdminPassword(String password, Optional<Path> storedIn) {
        this.password = password;
        this.storedIn = storedIn;
    }

    public static AdminPassword resolve(Optional<String> configured, Path file) throws IOException {
        if (configured.isPresent()) {
            log.info("Admin password taken from the configuration (glasshouse.web.admin-password)");
            return new AdminPassword(configured.get(), Optional.empty());
        }
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            System.out.println("Glasshouse web console: log in as admin with the password stored in " + file);
            return new AdminPassword(stored, Optional.of(file));
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
        System.out.println("Glasshouse web console: generated a password for the user admin and stored it in " + file
                + " (readable only by you). Set glasshouse.web.admin-password to choose your own.");
        return new AdminPassword(generated, Optional.of(file));
    }

    public String password() {
        return password;
    }

    /** The file holding a generated password; empty when the password was configured. */
    public Optional<Path> storedIn() {
        return storedIn;
    }
}
