-- Prosody as benchmarked by bench/run.sh. The script renders this file into its work directory,
-- replacing @WORK@ (that directory) and @PORT@ (the c2s port).
--
-- Loopback only; rate limits off (mod_limits not loaded); STARTTLS offered but optional so the
-- plaintext login variant can run; open in-band registration (no throttle) so the load tool can
-- provision users; the module set mirrors xmppd's default modules.

run_as_root = true              -- the benchmark runs as root in a throw-away directory
pidfile = "@WORK@/prosody.pid"
data_path = "@WORK@/data"
log = { warn = "@WORK@/prosody.log" }

network_backend = "epoll"
network_settings = { tcp_backlog = 1024 }

c2s_ports = { @PORT@ }
c2s_interfaces = { "127.0.0.1" }
c2s_direct_tls_ports = { }
s2s_ports = { }
component_ports = { }

modules_enabled = {
    "roster"; "saslauth"; "tls"; "disco"; "ping"; "version"; "time"; "register";
    "offline"; "lastactivity"; "blocklist"; "vcard_legacy"; "private"; "carbons";
}
modules_disabled = { "s2s" }

authentication = "internal_hashed"   -- SCRAM-SHA-1 credentials, no plaintext passwords
storage = "internal"

c2s_require_encryption = false
allow_unencrypted_plain_auth = false
allow_registration = true

certificates = "@WORK@/certs"
ssl = {
    certificate = "@WORK@/certs/localhost.crt";
    key = "@WORK@/certs/localhost.key";
}

VirtualHost "localhost"
