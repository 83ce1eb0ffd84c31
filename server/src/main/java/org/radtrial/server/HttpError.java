package org.radtrial.server;

/** A request that cannot be served: the status and a message the user can act on. */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  /** Where a page (not the API) should send the browser instead of showing the error, or null. */
  final String redirect;

  HttpError(int status, String message) {
    this(status, message, null);
  }

  private HttpError(int status, String message, String redirect) {
    super(message);
    this.status = status;
    this.redirect = redirect;
  }

  /** A refusal that a page answers by sending the browser where the user can resolve it. */
  static HttpError redirecting(int status, String message, String redirect) {
    return new HttpError(status, message, redirect);
  }

  static HttpError notFound() {
    return new HttpError(404, "not found");
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }
}
