namespace Platform.Gateway.Benchmarks;

/// <summary>
/// A private nginx (Debian's package) in <c>&lt;root&gt;/nginx/</c>, configured as a plain reverse proxy to
/// the backend: no authentication, HTTP/1.1 with a pool of kept-alive upstream connections.
/// </summary>
internal sealed class NginxServer(string rootDirectory, Uri backend) : ChildServer("nginx", rootDirectory)
{
    public const string Executable = "/usr/sbin/nginx";

    private string ConfigFile => Path.Combine(InstanceDirectory, "nginx.conf");

    /// <summary>Ready when a request through it reaches the backend.</summary>
    protected override string ReadinessPath => PingBackend.PingPath;

    protected override Task PrepareAsync(CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(ConfigFile, Config(InstanceDirectory, Port, backend), cancellationToken);

    protected override Task<int> LaunchAsync(CancellationToken cancellationToken) =>
        // -e: the error log from the first line on, before the configuration names its own.
        Task.FromResult(StartChild(
            Executable,
            ["-p", InstanceDirectory, "-c", ConfigFile, "-e", Path.Combine(InstanceDirectory, "error.log")],
            new Dictionary<string, string>(),
            InstanceDirectory));

    // worker_processes auto (one per core, two here): the gateway's thread pool uses every core,
    // so one worker would cap the peer at a single core and flatter the gateway.
    private static string Config(string directory, int port, Uri backend) => $$"""
        worker_processes auto;
        daemon off;
        pid {{directory}}/nginx.pid;
        error_log {{directory}}/error.log warn;

        events {
            worker_connections 1024;
        }

        http {
            access_log off;
            client_body_temp_path {{directory}}/client_body_temp;
            proxy_temp_path {{directory}}/proxy_temp;
            fastcgi_temp_path {{directory}}/fastcgi_temp;
            uwsgi_temp_path {{directory}}/uwsgi_temp;
            scgi_temp_path {{directory}}/scgi_temp;

            upstream backend {
                server {{backend.Authority}};
                keepalive 64;
            }

            server {
                listen 127.0.0.1:{{port}};

                location / {
                    proxy_pass http://backend;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                }
            }
        }
        """;
}
