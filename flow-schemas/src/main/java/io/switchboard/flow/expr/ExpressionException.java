package io.switchboard.flow.expr;

/** An expression could not be evaluated; the message is meant for the flow's designer. */
public class ExpressionException extends RuntimeException {
  public ExpressionException(String message) {
    super(message);
  }

  public ExpressionException(String message, Throwable cause) {
    super(message, cause);
  }
}
