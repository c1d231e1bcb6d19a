package org.asylumcasetracker.integration.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Looks up the addresses of a receiver's host name. The URL policy asks it once per subscription check and
 * once per delivery attempt, and the sender connects to the address that lookup gave, so a name whose
 * answer changes in between (DNS rebinding) cannot lead a delivery to an address that was not checked.
 */
public interface HostResolver {

    /** Every address of {@code host} (an IP literal gives itself); at least one, or an exception. */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
