/// A listening socket the service polls and accepts hosts from.
protocol ConnectionListener: AnyObject {
    var descriptor: Int32 { get }
    /// What the log calls it ("/run/attune/attune.sock", "tcp://127.0.0.1:10700").
    var address: String { get }
    /// A connected host, or nil when none is waiting; `refused` hears of peers turned away.
    func accept(refused: (UInt32) -> Void) -> Int32?
    func close()
}

extension UnixSocketListener: ConnectionListener {
    var address: String { path }
}
