package org.asylumcasetracker.integration.webhook;

import inet.ipaddr.IPAddressString;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The name service of the tests: answers from a fixed table and never sends a DNS query. IP literals stand
 * for themselves; {@code localhost} and the {@code example.org}/{@code example.com} receivers of the API
 * tests answer 127.0.0.1 (which the test profile allows), so a delivery dispatched to one of them fails on
 * loopback instead of leaving the machine; {@code *.clinic.test} names answer internal addresses. A test can
 * script a name whose answer changes from one lookup to the next ({@link #answerInTurn}).
 */
@Alternative
@Priority(1)
@Singleton
public class TestHostResolver implements HostResolver {

    static final Map<String, String> TABLE = Map.of(
            "localhost", "127.0.0.1",
            "intranet.clinic.test", "10.20.30.40",
            "metadata.clinic.test", "169.254.169.254",
            "printer.clinic.test", "192.168.1.20");

    private static final Map<String, Deque<InetAddress>> SCRIPTED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> LOOKUPS = new ConcurrentHashMap<>();

    /** From now on {@code host} answers each of {@code answers} in turn, then the last one for good. */
    static void answerInTurn(String host, InetAddress... answers) {
        SCRIPTED.put(host.toLowerCase(Locale.ROOT), new ArrayDeque<>(List.of(answers)));
        LOOKUPS.remove(host.toLowerCase(Locale.ROOT));
    }

    /** How many times {@code host} has been looked up since it was scripted. */
    static int lookups(String host) {
        AtomicInteger count = LOOKUPS.get(host.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        LOOKUPS.computeIfAbsent(name, any -> new AtomicInteger()).incrementAndGet();
        IPAddressString literal = new IPAddressString(name);
        if (literal.isIPAddress()) {
            return List.of(literal.getAddress().toInetAddress());
        }
        Deque<InetAddress> scripted = SCRIPTED.get(name);
        if (scripted != null) {
            synchronized (scripted) {
                return List.of(scripted.size() > 1 ? scripted.poll() : scripted.peek());
            }
        }
        if (name.equals("example.org") || name.endsWith(".example.org") || name.endsWith(".example.com")) {
            return List.of(InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1}));
        }
        String address = TABLE.get(name);
        if (address == null) {
            throw new UnknownHostException("not in the tests' table");
        }
        return List.of(new IPAddressString(address).getAddress().toInetAddress());
    }
}
