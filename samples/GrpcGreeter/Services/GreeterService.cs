using Grpc.Core;

namespace GrpcGreeter.Services;

/// <summary>The Greeter service: each gRPC call shape, and errors on demand.</summary>
public sealed class GreeterService : Greeter.GreeterBase
{
    public override Task<HelloReply> SayHello(HelloRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Name.Length == 0)
            throw new RpcException(new Status(StatusCode.InvalidArgument, "name is required"));
        if (request.Name == "nobody")
            throw new RpcException(new Status(StatusCode.NotFound, "nobody is not here"));
        return Task.FromResult(new HelloReply { Message = $"Hello {request.Name}" });
    }

    public override async Task SayHellos(HelloRequest request, IServerStreamWriter<HelloReply> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        for (int i = 0; i < request.Count; i++)
            await responseStream.WriteAsync(new HelloReply { Message = $"Hello {request.Name} #{i}", Index = i });
    }

    public override async Task<HelloReply> CollectHellos(IAsyncStreamReader<HelloRequest> requestStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        var names = new List<string>();
        await foreach (HelloRequest request in requestStream.ReadAllAsync())
            names.Add(request.Name);
        return new HelloReply { Message = "Hello " + string.Join(", ", names), Index = names.Count };
    }

    public override async Task Chat(IAsyncStreamReader<HelloRequest> requestStream, IServerStreamWriter<HelloReply> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        int index = 0;
        await foreach (HelloRequest request in requestStream.ReadAllAsync())
            await responseStream.WriteAsync(new HelloReply { Message = $"Hi {request.Name}", Index = index++ });
    }
}
