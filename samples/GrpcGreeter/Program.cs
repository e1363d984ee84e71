using GrpcGreeter.Services;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// gRPC over cleartext HTTP/2 (h2c, prior knowledge): Kestrel speaks only HTTP/2 on its endpoints.
WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddGrpc();

WebApplication app = builder.Build();
app.MapGrpcService<GreeterService>();
app.MapGet("/", () => "Greeter: gRPC over h2c. Call greet.Greeter/SayHello, SayHellos, CollectHellos, Chat.");
app.Run();
