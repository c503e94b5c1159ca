package dev.glasshouse.engine.compat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test once per enabled {@link dev.glasshouse.engine.compat.Target}, each time
 * with a fresh server passed in as a {@link TargetServer} parameter. Networked, so it carries a timeout.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TestTemplate
@ExtendWith(TargetServers.class)
@Timeout(60)
@interface AgainstEachTarget {
}
