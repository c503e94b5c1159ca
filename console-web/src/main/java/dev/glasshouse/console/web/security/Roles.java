package dev.glasshouse.console.web.security;

/**
 * The console's roles. A viewer browses and reads; an operator also creates, edits and deletes
 * znodes, adds connection profiles and starts the demo ensemble. Operators hold both roles.
 */
public final class Roles {
    public static final String VIEWER = "VIEWER";
    public static final String OPERATOR = "OPERATOR";

    private Roles() {
    }
}
