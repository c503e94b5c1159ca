package dev.glasshouse.samples.demo;

/** One recipe played out by several participants, narrated on a {@link Stage}. Ends by itself. */
@FunctionalInterface
public interface Demo {

    void run(Stage stage) throws Exception;
}
