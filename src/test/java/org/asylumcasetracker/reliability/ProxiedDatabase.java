package org.asylumcasetracker.reliability;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.DelayThrottler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * A real PostgreSQL with a TCP proxy (NetCrusher) in front of it, so tests can slow, freeze and cut the
 * service's database connections, or restart the database itself on the same port and data.
 */
public class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {

    private static final long DELAY_MS = 200;

    static volatile ProxiedDatabase current;
    static volatile boolean slow;

    private Path dataDir;
    private int databasePort;
    private EmbeddedPostgres postgres;
    private NioReactor reactor;
    private TcpCrusher proxy;

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("faults-pg");
            databasePort = freePort();
            postgres = startDatabase();
            reactor = new NioReactor(10);
            int proxyPort = freePort();
            proxy = TcpCrusherBuilder.builder()
                    .withReactor(reactor)
                    .withBindAddress("127.0.0.1", proxyPort)
                    .withConnectAddress("127.0.0.1", databasePort)
                    // the delay applies only while a test asks for it
                    .withIncomingThrottlerFactory(address -> new SwitchableDelay())
                    .withOutgoingThrottlerFactory(address -> new SwitchableDelay())
                    .buildAndOpen();
            current = this;
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://127.0.0.1:" + proxyPort + "/postgres",
                    "quarkus.datasource.username",
                    "postgres",
                    "quarkus.datasource.password",
                    "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (reactor != null) {
            reactor.close();
        }
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            // the JVM is going away
        }
        current = null;
    }

    TcpCrusher proxy() {
        return proxy;
    }

    void stopDatabase() throws IOException {
        postgres.close();
    }

    void startDatabaseAgain() throws IOException {
        postgres = startDatabase();
    }

    private EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(databasePort)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Delays traffic by {@value #DELAY_MS} ms while {@link #slow} is set. */
    private static final class SwitchableDelay extends DelayThrottler {
        SwitchableDelay() {
            super(DELAY_MS, TimeUnit.MILLISECONDS);
        }

        @Override
        public long calculateDelayNs(java.nio.ByteBuffer bb) {
            return slow ? super.calculateDelayNs(bb) : NO_DELAY_NS;
        }
    }
}
