package org.radtrial.server;

/** A request that cannot be served: the status and a message the user can act on. */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;

  HttpError(int status, String message) {
    super(message);
    this.status = status;
  }

  static HttpError notFound() {
    return new HttpError(404, "not found");
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }
}
