package nl.leefbaarheid.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import nl.leefbaarheid.partner.domain.HostResolver;

/** Host names resolved by the JVM (and so by the system's resolver, with the JVM's cache of 30 s). */
@ApplicationScoped
public class SystemHostResolver implements HostResolver {

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
