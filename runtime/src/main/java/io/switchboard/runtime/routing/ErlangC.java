package io.switchboard.runtime.routing;

import io.switchboard.runtime.service.BadRequestException;

/**
 * Erlang C staffing: how many agents a queue needs so that a share of the calls is answered
 * within a target time, assuming Poisson arrivals, exponential handle times and no abandonment.
 *
 * <p>Erlang B is computed with its recurrence {@code B(n) = A·B(n-1) / (n + A·B(n-1))}, which stays
 * between 0 and 1 for any traffic, and Erlang C is derived from it; no factorial or power of the
 * traffic is ever formed, so thousands of agents are as exact as ten.
 */
public final class ErlangC {
  /** The most agents {@link #staff} considers; a load that needs more is refused. */
  public static final int MAX_AGENTS = 100_000;

  private ErlangC() {}

  /**
   * What a number of agents achieves on a traffic.
   *
   * @param erlangs traffic intensity: arrivals per second × average handle seconds
   * @param probabilityOfWaiting the share of calls not answered at once (Erlang C)
   * @param serviceLevel the share of calls answered within the target answer time
   * @param averageSpeedOfAnswerSeconds the expected wait over all calls, answered at once or not
   * @param occupancy the share of time agents spend handling calls
   */
  public record Staffing(double erlangs, int agents, double probabilityOfWaiting, double serviceLevel,
      double averageSpeedOfAnswerSeconds, double occupancy) {}

  /**
   * The smallest number of agents whose service level reaches {@code serviceLevel}, with what it achieves.
   *
   * @param arrivalsPerHour calls offered per hour, above 0
   * @param handleSeconds average handle time in seconds, above 0
   * @param serviceLevel the share to answer within the target, strictly between 0 and 1 (0.8 for 80 %)
   * @param targetAnswerSeconds the target answer time in seconds, 0 or more
   * @throws BadRequestException for input outside these ranges, or a load that needs more than {@link #MAX_AGENTS}
   */
  public static Staffing staff(double arrivalsPerHour, double handleSeconds, double serviceLevel,
      double targetAnswerSeconds) {
    double erlangs = erlangs(arrivalsPerHour, handleSeconds);
    requireTarget(targetAnswerSeconds);
    if (!(serviceLevel > 0 && serviceLevel < 1)) {
      throw new BadRequestException("the service level is a share strictly between 0 and 1 (0.8 for 80 %); "
          + serviceLevel + " is not");
    }
    double erlangB = 1;
    for (int agents = 1; agents <= MAX_AGENTS; agents++) {
      erlangB = nextErlangB(erlangs, agents, erlangB);
      if (agents > erlangs) {
        Staffing staffing = staffing(erlangs, agents, erlangB, handleSeconds, targetAnswerSeconds);
        if (staffing.serviceLevel() >= serviceLevel) {
          return staffing;
        }
      }
    }
    throw new BadRequestException(String.format(java.util.Locale.ROOT,
        "%.1f Erlangs need more than %d agents to answer %.4g of the calls within %s s", erlangs, MAX_AGENTS,
        serviceLevel, targetAnswerSeconds));
  }

  /**
   * What a given number of agents achieves. With no more agents than Erlangs the queue grows without
   * end: every call waits, none is answered within the target, the wait is infinite and occupancy 1.
   *
   * @throws BadRequestException for a non-positive rate, handle time or agent count, or a negative target
   */
  public static Staffing evaluate(double arrivalsPerHour, double handleSeconds, int agents, double targetAnswerSeconds) {
    double erlangs = erlangs(arrivalsPerHour, handleSeconds);
    requireTarget(targetAnswerSeconds);
    requireAgents(agents);
    if (agents <= erlangs) {
      return new Staffing(erlangs, agents, 1, 0, Double.POSITIVE_INFINITY, 1);
    }
    return staffing(erlangs, agents, erlangB(erlangs, agents), handleSeconds, targetAnswerSeconds);
  }

  /** The Erlang B blocking probability of {@code agents} servers offered {@code erlangs} of traffic. */
  public static double erlangB(double erlangs, int agents) {
    requireErlangs(erlangs);
    if (agents < 0 || agents > MAX_AGENTS) {
      throw new BadRequestException("the number of agents is 0 to " + MAX_AGENTS + "; " + agents + " is not");
    }
    double b = 1;
    for (int n = 1; n <= agents; n++) {
      b = nextErlangB(erlangs, n, b);
    }
    return b;
  }

  /** The Erlang C probability that a call waits; 1 when there are no more agents than Erlangs. */
  public static double erlangC(double erlangs, int agents) {
    requireErlangs(erlangs);
    requireAgents(agents);
    if (agents <= erlangs) {
      return 1;
    }
    return erlangCFromB(erlangs, agents, erlangB(erlangs, agents));
  }

  private static Staffing staffing(double erlangs, int agents, double erlangB, double handleSeconds,
      double targetAnswerSeconds) {
    double waits = erlangCFromB(erlangs, agents, erlangB);
    double spare = agents - erlangs;
    double serviceLevel = 1 - waits * Math.exp(-spare * targetAnswerSeconds / handleSeconds);
    return new Staffing(erlangs, agents, waits, serviceLevel, waits * handleSeconds / spare, erlangs / agents);
  }

  private static double nextErlangB(double erlangs, int agents, double previous) {
    double offered = erlangs * previous;
    return offered / (agents + offered);
  }

  private static double erlangCFromB(double erlangs, int agents, double erlangB) {
    return agents * erlangB / (agents - erlangs * (1 - erlangB));
  }

  private static double erlangs(double arrivalsPerHour, double handleSeconds) {
    if (!(arrivalsPerHour > 0) || Double.isInfinite(arrivalsPerHour)) {
      throw new BadRequestException("the arrival rate is a number of calls per hour above 0; " + arrivalsPerHour + " is not");
    }
    if (!(handleSeconds > 0) || Double.isInfinite(handleSeconds)) {
      throw new BadRequestException("the average handle time is a number of seconds above 0; " + handleSeconds + " is not");
    }
    return arrivalsPerHour * handleSeconds / 3600;
  }

  private static void requireErlangs(double erlangs) {
    if (!(erlangs >= 0) || Double.isInfinite(erlangs)) {
      throw new BadRequestException("the traffic is a number of Erlangs, 0 or more; " + erlangs + " is not");
    }
  }

  private static void requireAgents(int agents) {
    if (agents < 1 || agents > MAX_AGENTS) {
      throw new BadRequestException("the number of agents is 1 to " + MAX_AGENTS + "; " + agents + " is not");
    }
  }

  private static void requireTarget(double targetAnswerSeconds) {
    if (!(targetAnswerSeconds >= 0) || Double.isInfinite(targetAnswerSeconds)) {
      throw new BadRequestException("the target answer time is a number of seconds, 0 or more; " + targetAnswerSeconds
          + " is not");
    }
  }
}
