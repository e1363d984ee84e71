namespace Devtools.Integration.Tests.Infrastructure;

/// <summary>The repository's sample gRPC service: Kestrel speaking HTTP/2 over cleartext (prior knowledge).</summary>
public sealed class GrpcGreeterServer : HttpServer
{
    private GrpcGreeterServer(ManagedProcess process, int port, string directory)
        : base(process, port, directory)
    {
    }

    public static GrpcGreeterServer Start()
    {
        string dir = NewScratchDirectory("grpcgreeter");
        int port = FreePort.Next();
        if (!File.Exists(Repository.GrpcGreeterDll))
            throw new FileNotFoundException($"Build the solution first: {Repository.GrpcGreeterDll} is missing.");
        var process = ManagedProcess.Start("dotnet", [Repository.GrpcGreeterDll, "--urls", $"http://127.0.0.1:{port}"], dir);
        process.WaitForPort(port, TimeSpan.FromSeconds(30));
        return new GrpcGreeterServer(process, port, dir);
    }
}
