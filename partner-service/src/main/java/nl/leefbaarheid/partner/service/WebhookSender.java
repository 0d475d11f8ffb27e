package nl.leefbaarheid.partner.service;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import nl.leefbaarheid.partner.domain.WebhookTarget;

/**
 * Posts a delivery to the address the target policy checked, never to what the name resolves to by then: the
 * connection goes to that IP, while the Host header, the TLS server name (SNI) and the certificate check use the host
 * of the URL. Redirects are not followed; the answer's body is read and thrown away, only its status counts.
 */
public final class WebhookSender implements AutoCloseable {

    private final Vertx vertx;
    private final HttpClient client;

    /** @param options the client's settings; {@link #options()} for deliveries, tests add a trust store of their own */
    public WebhookSender(Vertx vertx, HttpClientOptions options) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(options);
    }

    /**
     * Certificates checked against the JDK's trust store and the URL's host name; a connection has 3 s to open. One
     * connection per delivery: none is kept for later (signals are few, and a receiver that restarts never meets a
     * stale one).
     */
    public static HttpClientOptions options() {
        return new HttpClientOptions().setVerifyHost(true).setTrustAll(false).setConnectTimeout(3_000).setKeepAlive(false);
    }

    /** The answer's status code, or a failure (could not connect, TLS, no complete answer within the timeout). */
    public Future<Integer> post(WebhookTarget target, InetAddress address, Map<String, String> headers, String body, Duration timeout) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, target.port())))
                .setHost(target.host()).setPort(target.port()).setSsl(target.https()).setURI(target.pathAndQuery())
                .setFollowRedirects(false).setIdleTimeout(timeout.toMillis());
        headers.forEach(request::putHeader);
        request.putHeader("Host", target.authority());
        Promise<Integer> answer = Promise.promise();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        // the idle timeout stops a receiver that says nothing; this one also stops one that trickles its answer
        long deadline = vertx.setTimer(timeout.toMillis(), id -> {
            if (answer.tryFail(new TimeoutException("no answer within " + timeout.toSeconds() + " s")) && sent.get() != null) {
                sent.get().reset();
            }
        });
        client.request(request).compose(outgoing -> {
            sent.set(outgoing);
            return outgoing.send(Buffer.buffer(body)).compose(response -> response.end().map(done -> response.statusCode()));
        }).onComplete(result -> {
            vertx.cancelTimer(deadline);
            if (result.succeeded()) {
                answer.tryComplete(result.result());
            } else {
                answer.tryFail(result.cause());
            }
        });
        return answer.future();
    }

    @Override
    public void close() {
        client.close();
    }
}
