-- Prosody as benchmarked by bench/run.sh. The script renders this file into its work directory,
-- replacing @WORK@ (that directory) and @PORT@ (the c2s port).
--
-- Loopback only; rate limits off (mod_limits not loaded); STARTTLS offered but optional so the
-- plaintext login variant can run; open in-band registration (no throttle) so the load tool can
-- provision users; the module set mirrors xmppd's default modules, MUC and PubSub included (as
-- components, below).

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

-- XEP-0045 service of the muc scenario. Prosody's own mod_muc has no rate limits (they live in the
-- community module mod_muc_limits, not loaded); rooms lock until configured (muc_room_locking, the
-- default), which the load tool answers with an instant-room form; 20 messages of history, as in
-- xmppd and ejabberd.
Component "conference.localhost" "muc"
    restrict_room_creation = false
    muc_room_default_history_length = 20

-- XEP-0060 service of the pubsub scenario. Prosody lets only admins create nodes, so the scenario's
-- publisher (the first user of the range) is an admin of this component, and of nothing else.
Component "pubsub.localhost" "pubsub"
    admins = { "user1@localhost" }
