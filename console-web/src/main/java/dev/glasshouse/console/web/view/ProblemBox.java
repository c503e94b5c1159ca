package dev.glasshouse.console.web.view;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.glasshouse.engine.console.Problem;
import java.util.Optional;

/** Shows a model's {@link Problem}: its sentence, with the details folded away. Hidden without one. */
final class ProblemBox extends Div {
    private static final long serialVersionUID = 1L;

    private final Span summary = new Span();
    private final Span details = new Span();

    ProblemBox() {
        addClassName("problem");
        getStyle().set("color", "var(--lumo-error-text-color)")
                .set("background", "var(--lumo-error-color-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
        summary.addClassName("problem-summary");
        Details more = new Details("Details", details);
        add(summary, more);
        setVisible(false);
    }

    void show(Optional<Problem> problem) {
        setVisible(problem.isPresent());
        summary.setText(problem.map(Problem::summary).orElse(""));
        details.setText(problem.map(Problem::details).orElse(""));
    }

    String text() {
        return summary.getText();
    }
}
