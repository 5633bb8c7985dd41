package com.msaair.notification.adapter.out.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/**
 * Plain sockets for SMTP that can all be closed from another thread when a mail has taken too long.
 * Jakarta Mail's timeouts apply per read, write and connect, so a server that answers just in time,
 * every time, could make one mail last minutes — past the delivery worker's lease, and a second
 * replica would then send it again. Closing the transport is no way out (its methods are
 * synchronized with the send in progress); closing the socket under it is: the blocked read or
 * write fails at once.
 */
final class DeadlineSocketFactory extends SocketFactory {

    private final Map<Thread, List<Socket>> opened = new ConcurrentHashMap<>();

    /** Closes every socket the thread {@code sender} has open for its mail in progress. */
    void closeAllOf(Thread sender) {
        for (Socket socket : opened.getOrDefault(sender, List.of())) {
            try {
                socket.close();
            } catch (IOException e) {
                // closed is all we wanted
            }
        }
    }

    /** The thread's mail is done: its sockets are Jakarta Mail's to close, no longer ours to watch. */
    void forget(Thread sender) {
        opened.remove(sender);
    }

    private Socket remember(Socket socket) {
        opened.computeIfAbsent(Thread.currentThread(), t -> new CopyOnWriteArrayList<>()).add(socket);
        return socket;
    }

    @Override
    public Socket createSocket() {
        return remember(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return remember(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return remember(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return remember(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return remember(new Socket(address, port, localAddress, localPort));
    }
}
