package org.asylumcasetracker.integration.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The operating system's resolver (with the JVM's DNS cache, {@code networkaddress.cache.ttl}). */
@ApplicationScoped
public class SystemHostResolver implements HostResolver {

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
