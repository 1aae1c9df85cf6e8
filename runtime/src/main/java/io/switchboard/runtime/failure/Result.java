package io.switchboard.runtime.failure;

import java.util.function.Function;

/**
 * A value or the {@link Failure} that kept it from being made. Expected failures travel as these,
 * never as exceptions.
 */
public sealed interface Result<T> {

  record Ok<T>(T value) implements Result<T> {}

  record Err<T>(Failure failure) implements Result<T> {}

  static <T> Result<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Result<T> err(Failure failure) {
    return new Err<>(failure);
  }

  default boolean isOk() {
    return this instanceof Ok<T>;
  }

  /** The value; only to be called after {@link #isOk()}. */
  default T value() {
    return switch (this) {
      case Ok<T> ok -> ok.value();
      case Err<T> err -> throw new IllegalStateException("no value: " + err.failure().message());
    };
  }

  /** The failure, or null for a value. */
  default Failure failure() {
    return this instanceof Err<T> err ? err.failure() : null;
  }

  default <U> Result<U> map(Function<? super T, ? extends U> f) {
    return switch (this) {
      case Ok<T> ok -> new Ok<>(f.apply(ok.value()));
      case Err<T> err -> new Err<>(err.failure());
    };
  }

  default <U> Result<U> flatMap(Function<? super T, Result<U>> f) {
    return switch (this) {
      case Ok<T> ok -> f.apply(ok.value());
      case Err<T> err -> new Err<>(err.failure());
    };
  }

  /** The same failure for another type of value. */
  @SuppressWarnings("unchecked")
  default <U> Result<U> cast() {
    if (this instanceof Err<T>) {
      return (Result<U>) this;
    }
    throw new IllegalStateException("a value cannot be cast");
  }
}
