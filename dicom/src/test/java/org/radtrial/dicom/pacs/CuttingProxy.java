package org.radtrial.dicom.pacs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy that forwards to a port and, once a connection has passed a number of bytes
 * from the server to the client, drops it (a network failure in the middle of a transfer) or, with
 * {@code stall}, keeps it open and passes nothing more (an archive that hangs).
 */
final class CuttingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final long cutAfter;
  private final boolean stall;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  CuttingProxy(int targetPort, long cutAfter) throws IOException {
    this(targetPort, cutAfter, false);
  }

  CuttingProxy(int targetPort, long cutAfter, boolean stall) throws IOException {
    this.stall = stall;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.cutAfter = cutAfter;
    Thread accept = new Thread(this::accept, "cutting-proxy");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(target);
        pump(client, target, Long.MAX_VALUE, false);
        pump(target, client, cutAfter, stall);
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void pump(Socket from, Socket to, long limit, boolean stall) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[8192];
      long passed = 0;
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buffer)) > 0) {
          int allowed = (int) Math.min(n, limit - passed);
          out.write(buffer, 0, allowed);
          out.flush();
          passed += allowed;
          if (passed >= limit) {
            break;
          }
        }
        while (stall && !to.isClosed()) {
          Thread.sleep(50); // hold the connection open, pass nothing
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException ignored) {
        // the other side went away
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "cutting-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    sockets.forEach(CuttingProxy::closeQuietly);
  }
}
