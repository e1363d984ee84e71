namespace Devtools.Core.Protocols.Http2.Streams;

/// <summary>
/// One HTTP/2 stream being followed: its request (client-sent, or promised by the
/// server for a push) and its response. Reused for later streams of the connection;
/// <see cref="Generation"/> tells a parser holding on to it whether it is still the
/// stream it was.
/// </summary>
internal sealed class Http2Stream
{
    public Http2Stream(int maxStoreBytes, int maxBodyBytes)
    {
        Request = new Http2Message(maxStoreBytes, maxBodyBytes);
        Response = new Http2Message(maxStoreBytes, maxBodyBytes);
    }

    public int Id { get; private set; }

    /// <summary>Changes each time the object starts following another stream.</summary>
    public int Generation { get; private set; }

    /// <summary>Order of opening on the connection: the oldest goes first when the table is full.</summary>
    public long Sequence { get; private set; }

    public Http2Message Request { get; }

    public Http2Message Response { get; }

    /// <summary>The half a frame of <paramref name="kind"/> adds to.</summary>
    public Http2Message Half(Connections.MessageKind kind) => kind == Connections.MessageKind.Request ? Request : Response;

    public void Open(int id, long sequence)
    {
        Id = id;
        Sequence = sequence;
        Generation++;
    }

    /// <summary>The stream is over: its content is dropped, its buffers kept for the next.</summary>
    public void Close()
    {
        Request.Clear();
        Response.Clear();
        Generation++;
    }

    public void Release()
    {
        Request.Release();
        Response.Release();
        Generation++;
    }
}
