package io.switchboard.runtime.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.flow.validate.Problem;
import java.util.List;

/** The body of every error answer: what went wrong, and the flow problems when there are some. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, List<Problem> problems) {}
