package dev.glasshouse.samples.testing;

/** A server the recipe tests run against, on a free loopback port in this JVM. */
public interface TestServer extends AutoCloseable {

    String connectString();

    @Override
    void close();
}
