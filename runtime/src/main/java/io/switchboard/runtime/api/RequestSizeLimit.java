package io.switchboard.runtime.api;

import io.switchboard.flow.json.FlowJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit with 413 before anything reads it: at once when it says its
 * length, and as it arrives when it comes in chunks. Runs ahead of security, so that not even a
 * webhook's signature check reads a body that is too large.
 */
public final class RequestSizeLimit extends OncePerRequestFilter {
  private final long apiLimit;
  private final long hooksLimit;

  public RequestSizeLimit(long apiLimit, long hooksLimit) {
    this.apiLimit = apiLimit;
    this.hooksLimit = hooksLimit;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith("/api/") && !path.startsWith("/hooks/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = request.getRequestURI().substring(request.getContextPath().length()).startsWith("/hooks/")
        ? hooksLimit : apiLimit;
    if (request.getContentLengthLong() > limit) {
      refuse(response, limit);
      return;
    }
    try {
      chain.doFilter(request.getContentLengthLong() >= 0 ? request : new Counted(request, limit), response);
    } catch (RequestTooLarge e) {
      // a reader that let the stream's refusal through; readers that wrap it answer 413 themselves
      if (!response.isCommitted()) {
        response.reset();
        refuse(response, limit);
      }
    }
  }

  private static void refuse(HttpServletResponse response, long limit) throws IOException {
    response.setStatus(413);
    response.setContentType("application/json");
    response.setHeader("Connection", "close");
    response.getWriter().write(FlowJson.compact(new ApiError(413, RequestTooLarge.message(limit), List.of())));
  }

  /** A body without a stated length, counted as it is read. */
  private static final class Counted extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Counted(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    CountingStream(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws RequestTooLarge {
      read += n;
      if (read > limit) {
        throw new RequestTooLarge(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
