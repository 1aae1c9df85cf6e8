package io.switchboard.runtime.store;

/** Publishing would give a channel address to a second flow. */
public class AddressTakenException extends RuntimeException {
  public AddressTakenException(String channel, String address, String owner) {
    super("the " + channel + " address " + address + " is already answered by the published flow '" + owner + "'");
  }
}
