package org.asylumcasetracker.bench;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A webhook receiver that never answers: it listens on 127.0.0.1, accepts every connection and holds it without
 * reading or writing, as a receiver behind a dead load balancer would. Each delivery to it waits for the
 * service's response timeout.
 *
 * <p>Usage: {@code BlackHole <port-file>}: writes the port it listens on; on exit (SIGTERM) prints how many
 * connections it accepted.
 */
public final class BlackHole {

    private BlackHole() {}

    public static void main(String[] args) throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 500, InetAddress.getLoopbackAddress())) {
            Path portFile = Path.of(args[0]);
            Files.writeString(portFile, Integer.toString(server.getLocalPort()), StandardCharsets.US_ASCII);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (held) {
                    System.out.println("black hole: " + held.size() + " connections accepted, none answered");
                }
            }));
            while (true) {
                Socket socket = server.accept();
                synchronized (held) {
                    held.add(socket);
                }
            }
        }
    }
}
