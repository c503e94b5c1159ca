package dev.glasshouse.console.web.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The console's accounts: {@code admin} (an operator) plus those configured in
 * {@code glasshouse.web.users} as {@code name:role:password} entries separated by commas, where role
 * is {@code viewer} or {@code operator} and a password may already be encoded ({@code {bcrypt}...}).
 */
public final class ConsoleAccounts {
    private ConsoleAccounts() {
    }

    public static UserDetailsService build(AdminPassword admin, String configured, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        users.add(account("admin", "operator", admin.password(), encoder));
        for (String entry : configured.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("glasshouse.web.users entry '" + parts[0]
                        + ":...' needs the form name:role:password");
            }
            users.add(account(parts[0], parts[1], parts[2], encoder));
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails account(String name, String role, String password, PasswordEncoder encoder) {
        String[] roles = switch (role.toLowerCase(Locale.ROOT)) {
            case "viewer" -> new String[] {Roles.VIEWER};
            case "operator" -> new String[] {Roles.VIEWER, Roles.OPERATOR};
            default -> throw new IllegalArgumentException("user " + name + " has the unknown role '" + role
                    + "'; use viewer or operator");
        };
        String encoded = password.startsWith("{") ? password : encoder.encode(password);
        return User.withUsername(name).password(encoded).roles(roles).build();
    }
}
