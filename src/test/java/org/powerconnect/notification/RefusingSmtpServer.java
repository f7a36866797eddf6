package org.powerconnect.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server that answers "550 user unknown" for the addresses it is told to refuse and takes every
 * other recipient, as a real server does for a mailbox that no longer exists (GreenMail accepts everyone).
 * It keeps, per message taken, the recipients it accepted.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Set<String> refused;
    private final List<List<String>> delivered = new CopyOnWriteArrayList<>();
    private final Thread thread;

    RefusingSmtpServer(int port, Set<String> refused) {
        try {
            this.socket = new ServerSocket(port, 10, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.refused = refused;
        this.thread = new Thread(this::serve, "refusing-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    /** The accepted recipients of each message taken. */
    List<List<String>> delivered() {
        return List.copyOf(delivered);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                // closed, or the client went away: wait for the next
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
        reply(out, "220 refusing-smtp ready");
        List<String> recipients = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase();
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 refusing-smtp");
            } else if (command.startsWith("MAIL FROM")) {
                recipients.clear();
                reply(out, "250 OK");
            } else if (command.startsWith("RCPT TO")) {
                String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                if (refused.contains(address)) {
                    reply(out, "550 5.1.1 <" + address + ">: user unknown");
                } else {
                    recipients.add(address);
                    reply(out, "250 OK");
                }
            } else if (command.equals("DATA")) {
                reply(out, "354 go ahead");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message itself is not needed
                }
                delivered.add(List.copyOf(recipients));
                reply(out, "250 OK queued");
            } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
                recipients.clear();
                reply(out, "250 OK");
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "502 not implemented");
            }
        }
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
