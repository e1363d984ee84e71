using System.Buffers.Binary;
using System.Text;
using Devtools.Core.Protocols.Http2.Frames;

namespace Devtools.Core.Tests.Protocols.Http2;

/// <summary>Builds HTTP/2 frames (RFC 9113 §4.1, §6) for tests.</summary>
public static class H2
{
    public const byte EndStream = 0x1;
    public const byte Ack = 0x1;
    public const byte EndHeaders = 0x4;
    public const byte Padded = 0x8;
    public const byte PriorityFlag = 0x20;

    public static byte[] Preface => Encoding.ASCII.GetBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");

    public static byte[] Frame(Http2FrameType type, byte flags, int stream, ReadOnlySpan<byte> payload) =>
        Frame((byte)type, flags, stream, payload);

    public static byte[] Frame(byte type, byte flags, int stream, ReadOnlySpan<byte> payload)
    {
        byte[] frame = new byte[9 + payload.Length];
        frame[0] = (byte)(payload.Length >> 16);
        frame[1] = (byte)(payload.Length >> 8);
        frame[2] = (byte)payload.Length;
        frame[3] = type;
        frame[4] = flags;
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), stream);
        payload.CopyTo(frame.AsSpan(9));
        return frame;
    }

    public static byte[] Settings(params (ushort Id, uint Value)[] settings)
    {
        byte[] payload = new byte[settings.Length * 6];
        for (int i = 0; i < settings.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(i * 6), settings[i].Id);
            BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan((i * 6) + 2), settings[i].Value);
        }
        return Frame(Http2FrameType.Settings, 0, 0, payload);
    }

    public static byte[] SettingsAck => Frame(Http2FrameType.Settings, Ack, 0, []);

    public static byte[] Headers(int stream, byte[] block, bool endStream = false, int padding = -1, bool priority = false)
    {
        var payload = new List<byte>();
        byte flags = (byte)(EndHeaders | (endStream ? EndStream : 0));
        if (padding >= 0)
        {
            flags |= Padded;
            payload.Add((byte)padding);
        }
        if (priority)
        {
            flags |= PriorityFlag;
            payload.AddRange([0, 0, 0, 0, 15]);
        }
        payload.AddRange(block);
        if (padding > 0)
            payload.AddRange(new byte[padding]);
        return Frame(Http2FrameType.Headers, flags, stream, payload.ToArray());
    }

    /// <summary>A header block cut into a HEADERS frame and CONTINUATIONs of at most <paramref name="fragment"/> bytes.</summary>
    public static byte[] HeadersWithContinuations(int stream, byte[] block, int fragment, bool endStream = false)
    {
        var output = new List<byte>();
        for (int offset = 0; offset < block.Length || offset == 0; offset += fragment)
        {
            int n = Math.Min(fragment, block.Length - offset);
            bool last = offset + n >= block.Length;
            byte flags = (byte)(last ? EndHeaders : 0);
            if (offset == 0)
                output.AddRange(Frame(Http2FrameType.Headers, (byte)(flags | (endStream ? EndStream : 0)), stream, block.AsSpan(offset, n)));
            else
                output.AddRange(Frame(Http2FrameType.Continuation, flags, stream, block.AsSpan(offset, n)));
            if (last)
                break;
        }
        return [.. output];
    }

    public static byte[] Data(int stream, ReadOnlySpan<byte> data, bool endStream = false, int padding = -1)
    {
        byte flags = endStream ? EndStream : (byte)0;
        if (padding < 0)
            return Frame(Http2FrameType.Data, flags, stream, data);
        byte[] payload = new byte[1 + data.Length + padding];
        payload[0] = (byte)padding;
        data.CopyTo(payload.AsSpan(1));
        return Frame(Http2FrameType.Data, (byte)(flags | Padded), stream, payload);
    }

    public static byte[] Data(int stream, string text, bool endStream = false, int padding = -1) =>
        Data(stream, Encoding.UTF8.GetBytes(text), endStream, padding);

    public static byte[] RstStream(int stream, uint code)
    {
        byte[] payload = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(payload, code);
        return Frame(Http2FrameType.RstStream, 0, stream, payload);
    }

    public static byte[] Ping(bool ack = false) => Frame(Http2FrameType.Ping, ack ? Ack : (byte)0, 0, [1, 2, 3, 4, 5, 6, 7, 8]);

    public static byte[] WindowUpdate(int stream, int increment)
    {
        byte[] payload = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(payload, increment);
        return Frame(Http2FrameType.WindowUpdate, 0, stream, payload);
    }

    public static byte[] Priority(int stream) => Frame(Http2FrameType.Priority, 0, stream, [0, 0, 0, 0, 16]);

    public static byte[] GoAway(int lastStream, uint code = 0)
    {
        byte[] payload = new byte[8 + 5];
        BinaryPrimitives.WriteInt32BigEndian(payload, lastStream);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(4), code);
        "debug"u8.CopyTo(payload.AsSpan(8));
        return Frame(Http2FrameType.GoAway, 0, 0, payload);
    }

    public static byte[] PushPromise(int stream, int promised, byte[] block)
    {
        byte[] payload = new byte[4 + block.Length];
        BinaryPrimitives.WriteInt32BigEndian(payload, promised);
        block.CopyTo(payload, 4);
        return Frame(Http2FrameType.PushPromise, EndHeaders, stream, payload);
    }

    /// <summary>gRPC length-prefixed messages (uncompressed).</summary>
    public static byte[] Grpc(params byte[][] messages)
    {
        var output = new List<byte>();
        foreach (byte[] message in messages)
        {
            output.Add(0);
            byte[] length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, message.Length);
            output.AddRange(length);
            output.AddRange(message);
        }
        return [.. output];
    }

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
