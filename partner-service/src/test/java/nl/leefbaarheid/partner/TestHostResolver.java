package nl.leefbaarheid.partner;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.leefbaarheid.partner.domain.HostResolver;

/**
 * The tests' DNS: no name is looked up for real. receiver.test is 127.0.0.1 (allow-listed on the tests' receiver port);
 * a test can give a name a series of answers, the last of which repeats. Any other name does not resolve.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestHostResolver implements HostResolver {

    private static final Map<String, Deque<List<InetAddress>>> ANSWERS = new ConcurrentHashMap<>();

    static {
        answer("receiver.test", "127.0.0.1");
    }

    /** The name resolves to each of these answers in turn (addresses separated by commas), then to the last one for good. */
    public static void answer(String name, String... answers) {
        Deque<List<InetAddress>> queue = new ArrayDeque<>();
        for (String answer : answers) {
            queue.add(java.util.Arrays.stream(answer.split(",")).map(TestHostResolver::literal).toList());
        }
        ANSWERS.put(name, queue);
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        Deque<List<InetAddress>> answers = ANSWERS.get(host);
        if (answers == null) {
            throw new UnknownHostException(host);
        }
        synchronized (answers) {
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address.strip()); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
