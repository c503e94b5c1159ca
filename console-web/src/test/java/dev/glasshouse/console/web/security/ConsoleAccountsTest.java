package dev.glasshouse.console.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class ConsoleAccountsTest {
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void firstStartGeneratesAnOwnerOnlyPasswordFileAndLaterStartsReuseIt(@TempDir Path home) throws Exception {
        Path file = home.resolve("web/admin-password.txt");
        AdminPassword first = AdminPassword.resolve(Optional.empty(), file);
        AdminPassword second = AdminPassword.resolve(Optional.empty(), file);

        assertThat(first.password()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(second.password()).isEqualTo(first.password());
        assertThat(first.storedIn()).contains(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void configuredPasswordWritesNoFile(@TempDir Path home) throws Exception {
        AdminPassword admin = AdminPassword.resolve(Optional.of("chosen"), home.resolve("admin-password.txt"));

        assertThat(admin.password()).isEqualTo("chosen");
        assertThat(admin.storedIn()).isEmpty();
        assertThat(home.resolve("admin-password.txt")).doesNotExist();
    }

    @Test
    void adminIsAnOperatorAndConfiguredUsersGetTheirRoles(@TempDir Path home) throws Exception {
        AdminPassword admin = AdminPassword.resolve(Optional.of("root-pw"), home.resolve("unused"));
        UserDetailsService accounts = ConsoleAccounts.build(admin, "vera:viewer:v-pw, otto:operator:o-pw", encoder);

        assertThat(roles(accounts.loadUserByUsername("admin"))).containsExactlyInAnyOrder("ROLE_VIEWER",
                "ROLE_OPERATOR");
        assertThat(roles(accounts.loadUserByUsername("vera"))).containsExactly("ROLE_VIEWER");
        assertThat(roles(accounts.loadUserByUsername("otto"))).containsExactlyInAnyOrder("ROLE_VIEWER",
                "ROLE_OPERATOR");
        assertThat(encoder.matches("v-pw", accounts.loadUserByUsername("vera").getPassword())).isTrue();
        assertThat(encoder.matches("root-pw", accounts.loadUserByUsername("admin").getPassword())).isTrue();
    }

    @Test
    void unknownRoleIsRefusedAtStartup(@TempDir Path home) throws Exception {
        AdminPassword admin = AdminPassword.resolve(Optional.of("pw"), home.resolve("unused"));

        assertThatThrownBy(() -> ConsoleAccounts.build(admin, "eve:root:pw", encoder))
                .hasMessageContaining("unknown role 'root'");
    }

    private static java.util.List<String> roles(UserDetails user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
