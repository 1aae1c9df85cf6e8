package io.switchboard.runtime.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Classification only: no connection is ever opened to these addresses. */
class AddressClassifierTest {
  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.1.1", "127.0.0.1",
      "127.8.9.10", "169.254.169.254", "169.254.0.1", "0.0.0.0", "100.64.0.1", "224.0.0.1", "::1", "fd00::1", "fc00::5",
      "fe80::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::"})
  void restrictedAddresses(String address) throws Exception {
    assertThat(AddressClassifier.restricted(InetAddress.getByName(address))).as(address).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888"})
  void publicAddresses(String address) throws Exception {
    assertThat(AddressClassifier.restricted(InetAddress.getByName(address))).as(address).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"2130706433, 127.0.0.1", "0177.0.0.1, 127.0.0.1", "0x7f.0.0.1, 127.0.0.1", "127.1, 127.0.0.1",
      "0x7f000001, 127.0.0.1", "3232235777, 192.168.1.1", "012.0.0.1, 10.0.0.1", "0xa9.0xfe.0xa9.0xfe, 169.254.169.254"})
  void odderSpellingsOfAddressesAreRecognised(String spelling, String address) {
    assertThat(AddressClassifier.looseIpv4(spelling)).map(InetAddress::getHostAddress).contains(address);
    assertThat(AddressClassifier.restricted(AddressClassifier.looseIpv4(spelling).orElseThrow())).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"crm.example.com", "1.2.3.4.5", "256.1.1.1", "09.1.1.1", ""})
  void namesAreNotAddresses(String host) {
    assertThat(AddressClassifier.looseIpv4(host)).isEmpty();
  }
}
