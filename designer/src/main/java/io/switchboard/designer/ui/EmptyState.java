package io.switchboard.designer.ui;

import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * What a list shows while it holds nothing: one sentence saying what would be here, and the button
 * that makes the first one. Every list in the app uses it so that empty screens read alike.
 */
public final class EmptyState extends VerticalLayout {
  private final Span text = new Span();

  /** An empty state with its next action. */
  public EmptyState(String sentence, String action, ComponentEventListener<ClickEvent<Button>> onClick) {
    this(sentence);
    Button next = new Button(action, onClick);
    next.addClassName("sb-empty-state-action");
    next.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
    add(next);
  }

  /** An empty state for a list that fills itself (no action a user takes here makes the first row). */
  public EmptyState(String sentence) {
    addClassName("sb-empty-state");
    setAlignItems(Alignment.CENTER);
    setPadding(true);
    setSpacing(true);
    text.setText(sentence);
    text.addClassName("sb-empty-state-text");
    text.getStyle().set("color", "var(--lumo-secondary-text-color)").set("text-align", "center");
    add(text);
  }

  /** Changes the sentence, for a list whose emptiness has more than one reason (nothing yet, or filtered out). */
  public void sentence(String sentence) {
    text.setText(sentence);
  }

  /** Shows this in the grid while the grid has no rows. */
  public EmptyState on(Grid<?> grid) {
    grid.setEmptyStateComponent(this);
    return this;
  }
}
