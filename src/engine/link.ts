/**
 * A host's own interface and address, as its routing table sees them: what `ip link set dev
 * eth0 down` and `ip addr del` change (net/ipv4/fib_frontend.c). Neither tells a socket anything.
 *
 * - Interface down (NETDEV_DOWN → fib_disable_ip()): every route through the interface goes,
 *   the connected route and the default route through the router alike, so the host has no
 *   route to the peer. Its address stays (IPv4 keeps addresses on a down interface). Up again
 *   (NETDEV_UP → fib_add_ifaddr()): the connected route comes back with the address.
 * - Address removed (fib_del_ifaddr()): the prefix route goes with it, and a socket bound to
 *   that address has a source the host no longer owns: ip_route_output_key_hash_rcu() refuses
 *   it even after the interface has another address. A new connect() uses the new address.
 *
 * Frames addressed to an address the host no longer has are dropped on input (ip_route_input
 * finds no local route, forwarding is off: IpInAddrErrors, no ICMP), as the kernel lab measured.
 */

/** Whether a host's interface is up, which address it has, and which address each socket was bound to. */
export class LocalLink {
  /** The interface is administratively up (`ip link set dev eth0 up`). */
  up = true;
  /** The host has an address on the interface (`ip addr del` removes it). */
  hasAddress = true;
  /** Which address the host has (or last had); each new address is a new generation. */
  private generation = 0;
  /** The address each local port's socket was bound to, by generation (connect()). */
  private readonly boundTo = new Map<number, number>();

  /** The host's current address generation (0 = the address it booted with). */
  get address(): number {
    return this.generation;
  }

  /** connect() binds the socket's source address: the host's address now. */
  bind(localPort: number): void {
    this.boundTo.set(localPort, this.generation);
  }

  /**
   * ip_route_output_ports() for a socket on `localPort`: is there a route from its source
   * address? Not while the interface is down, nor once its address has been replaced.
   */
  routes(localPort: number): boolean {
    return this.up && this.hasAddress && this.owns(localPort);
  }

  /** A frame to `localPort` was addressed to an address this host still has. */
  owns(localPort: number): boolean {
    return this.hasAddress && (this.boundTo.get(localPort) ?? this.generation) === this.generation;
  }

  /** `ip addr del`: the address goes, and with it every route from it. */
  removeAddress(): void {
    this.hasAddress = false;
  }

  /** `ip addr add` of a different address (a new DHCP lease): sockets bound to the old one stay without a route. */
  addAddress(): void {
    this.hasAddress = true;
    this.generation += 1;
  }

  /** A booted host starts over: its interface up, its first address, no sockets. */
  reset(): void {
    this.up = true;
    this.hasAddress = true;
    this.generation = 0;
    this.boundTo.clear();
  }
}
