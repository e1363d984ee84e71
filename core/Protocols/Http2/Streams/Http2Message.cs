using System.Buffers;
using Devtools.Core.Common;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Protocols.Http2.Grpc;
using Devtools.Core.Protocols.Http2.Hpack;

namespace Devtools.Core.Protocols.Http2.Streams;

/// <summary>
/// One direction of one stream: a request or a response as HTTP/2 carries it, in
/// HEADERS (+ CONTINUATION), DATA and trailing HEADERS frames that interleave with other
/// streams'. Collects the decoded fields (header and trailer blocks in one list, as
/// <see cref="HttpHeaders"/> hands them to a record), the first bytes of the body and its
/// true size, gRPC message framing, and when it started and ended.
/// </summary>
/// <remarks>
/// Buffers are pooled and kept while the object is reused for later streams of the
/// connection; fields beyond the store's limit are dropped and counted, never grown
/// without bound.
/// </remarks>
internal sealed class Http2Message : IHpackFieldSink
{
    private readonly int _maxStoreBytes;
    private readonly int _maxBodyBytes;

    private byte[] _store = [];
    private int _storeLength;
    private HttpFieldRange[] _fields = [];
    private int _fieldCount;
    private byte[] _body = [];
    private int _bodyKept;

    private int _blockFieldStart;
    private int _blockStoreStart;

    private int _methodField = -1;
    private int _pathField = -1;
    private int _authorityField = -1;
    private int _grpcStatusField = -1;
    private int _grpcMessageField = -1;

    public Http2Message(int maxStoreBytes, int maxBodyBytes)
    {
        _maxStoreBytes = maxStoreBytes;
        _maxBodyBytes = maxBodyBytes;
    }

    /// <summary>The response's :status; 0 when none was decoded.</summary>
    public int Status { get; private set; }

    public HttpContentType ContentType { get; private set; }

    /// <summary>The content-type says gRPC: the body is length-prefixed messages.</summary>
    public bool IsGrpc => ContentType == HttpContentType.Grpc;

    /// <summary>Header blocks decoded into this message (headers, then trailers).</summary>
    public int HeaderBlocks { get; set; }

    /// <summary>Fields that exist but could not be decoded (their table entries were never seen).</summary>
    public int UnknownFields { get; private set; }

    /// <summary>A header block of this message was not decoded at all (missed, or an HPACK error).</summary>
    public bool HeadersLost { get; set; }

    /// <summary>Fields decoded but not kept: the store was full.</summary>
    public int DroppedFields { get; private set; }

    /// <summary>Body bytes were not captured: the kept prefix stops at the first gap.</summary>
    public bool BodyHasGaps { get; set; }

    /// <summary>Bytes of DATA payload (padding excluded), whether kept, skipped or missed.</summary>
    public long BodySize { get; set; }

    /// <summary>The sender has ended this direction (END_STREAM).</summary>
    public bool Ended { get; set; }

    /// <summary>Kernel ns of the first byte of the first frame of this message.</summary>
    public long StartNs { get; private set; }

    public bool HasStart { get; private set; }

    /// <summary>Kernel ns of the last byte of the frame that ended this message.</summary>
    public long EndNs { get; set; }

    /// <summary>gRPC framing of the body (only followed when <see cref="IsGrpc"/>).</summary>
    public ref GrpcMessageScanner Grpc => ref _grpc;

    private GrpcMessageScanner _grpc;

    /// <summary>Anything of this message was seen: a header block or body bytes.</summary>
    public bool Seen => HeaderBlocks > 0 || HeadersLost || BodySize > 0 || Ended;

    public HttpHeaders Fields => HttpHeaders.FromFieldList(_store.AsSpan(0, _storeLength), _fields.AsSpan(0, _fieldCount));

    public ReadOnlySpan<byte> Method => Field(_methodField, value: true);

    /// <summary>:path, or :authority for CONNECT (which has no path).</summary>
    public ReadOnlySpan<byte> Target => _pathField >= 0 ? Field(_pathField, value: true) : Field(_authorityField, value: true);

    public ReadOnlySpan<byte> GrpcStatus => Field(_grpcStatusField, value: true);

    public ReadOnlySpan<byte> GrpcMessage => Field(_grpcMessageField, value: true);

    public bool HasGrpcStatus => _grpcStatusField >= 0;

    public ReadOnlySpan<byte> Body => _body.AsSpan(0, _bodyKept);

    /// <summary>Body bytes that can still be kept: none once a gap broke the prefix.</summary>
    public int BodyRoom => BodyHasGaps ? 0 : _maxBodyBytes - _bodyKept;

    /// <summary>Sets the start the first time only.</summary>
    public void Start(long ns)
    {
        if (HasStart)
            return;
        StartNs = ns;
        HasStart = true;
    }

    /// <summary>A header block starts: what it adds can be taken back if it turns out broken or informational.</summary>
    public void BeginBlock()
    {
        _blockFieldStart = _fieldCount;
        _blockStoreStart = _storeLength;
    }

    /// <summary>Takes back the fields of the block begun last (an HPACK error, a 1xx response).</summary>
    public void DiscardBlock()
    {
        _fieldCount = _blockFieldStart;
        _storeLength = _blockStoreStart;
        if (_methodField >= _fieldCount) _methodField = -1;
        if (_pathField >= _fieldCount) _pathField = -1;
        if (_authorityField >= _fieldCount) _authorityField = -1;
        if (_grpcStatusField >= _fieldCount) _grpcStatusField = -1;
        if (_grpcMessageField >= _fieldCount) _grpcMessageField = -1;
    }

    /// <summary>Forgets a 1xx status: the final response's block follows.</summary>
    public void ClearStatus() => Status = 0;

    /// <summary>A field from elsewhere than HPACK (an h2c Upgrade request's): recognised by its name.</summary>
    public void OnField(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) =>
        OnKeptField(KnownFields.Of(name), Append(name, value, respectLimit: true), value);

    public void OnField(KnownField known, ReadOnlySpan<byte> field, int nameLength)
    {
        int index = Append(field, nameLength);
        // Most fields are none of the known ones: they need no second call.
        if (known != KnownField.None)
            OnKeptField(known, index, field[nameLength..]);
    }

    /// <summary>Acts on a field just appended as <paramref name="index"/> (-1: dropped for room).</summary>
    private void OnKeptField(KnownField known, int index, ReadOnlySpan<byte> value)
    {
        switch (known)
        {
            case KnownField.None:
                return;
            case KnownField.Status:
                Status = ParseStatus(value);
                return;
            case KnownField.ContentType:
                ContentType = HttpContentTypes.Classify(value);
                return;
        }
        if (index < 0)
            return;
        switch (known)
        {
            case KnownField.Method:
                _methodField = index;
                break;
            case KnownField.Path:
                _pathField = index;
                break;
            case KnownField.Authority:
                _authorityField = index;
                break;
            case KnownField.GrpcStatus:
                _grpcStatusField = index;
                break;
            case KnownField.GrpcMessage:
                _grpcMessageField = index;
                break;
        }
    }

    public void OnUnknownField() => UnknownFields++;

    /// <summary>A field of our own (devtools.*): never refused for room, appended after the decoded ones.</summary>
    public void AddNote(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) => Append(name, value, respectLimit: false);

    /// <summary>A note that must be seen first (header loss): inserted before every decoded field.</summary>
    public void AddLeadingNote(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        int index = Append(name, value, respectLimit: false);
        if (index <= 0)
            return;
        HttpFieldRange note = _fields[index];
        _fields.AsSpan(0, index).CopyTo(_fields.AsSpan(1));
        _fields[0] = note;
        ShiftIndex(ref _methodField);
        ShiftIndex(ref _pathField);
        ShiftIndex(ref _authorityField);
        ShiftIndex(ref _grpcStatusField);
        ShiftIndex(ref _grpcMessageField);
    }

    /// <summary>Keeps what fits of <paramref name="bytes"/> in the body prefix.</summary>
    public void KeepBody(ReadOnlySpan<byte> bytes)
    {
        int room = BodyRoom;
        if (room == 0 || bytes.IsEmpty)
            return;
        int n = Math.Min(room, bytes.Length);
        if (_body.Length < _maxBodyBytes)
            GrowBody();
        bytes[..n].CopyTo(_body.AsSpan(_bodyKept));
        _bodyKept += n;
    }

    /// <summary>Forgets this message's content for reuse, keeping its buffers.</summary>
    public void Clear()
    {
        _storeLength = 0;
        _fieldCount = 0;
        _bodyKept = 0;
        _blockFieldStart = 0;
        _blockStoreStart = 0;
        _methodField = _pathField = _authorityField = _grpcStatusField = _grpcMessageField = -1;
        Status = 0;
        ContentType = HttpContentType.Unknown;
        HeaderBlocks = 0;
        UnknownFields = 0;
        HeadersLost = false;
        DroppedFields = 0;
        BodyHasGaps = false;
        BodySize = 0;
        Ended = false;
        StartNs = 0;
        HasStart = false;
        EndNs = 0;
        _grpc.Reset();
    }

    /// <summary>Returns the buffers to their pools.</summary>
    public void Release()
    {
        Clear();
        if (_store.Length > 0)
            ArrayPool<byte>.Shared.Return(_store);
        if (_fields.Length > 0)
            ArrayPool<HttpFieldRange>.Shared.Return(_fields);
        if (_body.Length > 0)
            ArrayPool<byte>.Shared.Return(_body);
        _store = [];
        _fields = [];
        _body = [];
    }

    private int Append(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool respectLimit)
    {
        int length = name.Length + value.Length;
        if (respectLimit && _storeLength + length > _maxStoreBytes)
        {
            DroppedFields++;
            return -1;
        }
        if (_storeLength + length > _store.Length)
            _store = Grow(_store, _storeLength, _storeLength + length, 256);
        if (_fieldCount == _fields.Length)
            _fields = Grow(_fields, _fieldCount, _fieldCount + 1, 16);
        Span<byte> store = _store.AsSpan(_storeLength);
        name.CopyTo(store);
        value.CopyTo(store[name.Length..]);
        _fields[_fieldCount] = new HttpFieldRange(_storeLength, name.Length, _storeLength + name.Length, value.Length);
        _storeLength += length;
        return _fieldCount++;
    }

    /// <summary>Appends a field given as its name then its value in one span (one copy), within the store's limit.</summary>
    private int Append(ReadOnlySpan<byte> field, int nameLength)
    {
        if (_storeLength + field.Length > _maxStoreBytes)
        {
            DroppedFields++;
            return -1;
        }
        if (_storeLength + field.Length > _store.Length)
            _store = Grow(_store, _storeLength, _storeLength + field.Length, 256);
        if (_fieldCount == _fields.Length)
            _fields = Grow(_fields, _fieldCount, _fieldCount + 1, 16);
        ShortCopy.Copy(field, _store.AsSpan(_storeLength));
        _fields[_fieldCount] = new HttpFieldRange(_storeLength, nameLength, _storeLength + nameLength, field.Length - nameLength);
        _storeLength += field.Length;
        return _fieldCount++;
    }

    private ReadOnlySpan<byte> Field(int index, bool value)
    {
        if (index < 0)
            return default;
        HttpFieldRange f = _fields[index];
        return value ? _store.AsSpan(f.ValueOffset, f.ValueLength) : _store.AsSpan(f.NameOffset, f.NameLength);
    }

    private static void ShiftIndex(ref int index)
    {
        if (index >= 0)
            index++;
    }

    private void GrowBody()
    {
        byte[] bigger = ArrayPool<byte>.Shared.Rent(_maxBodyBytes);
        _body.AsSpan(0, _bodyKept).CopyTo(bigger);
        if (_body.Length > 0)
            ArrayPool<byte>.Shared.Return(_body);
        _body = bigger;
    }

    private static T[] Grow<T>(T[] array, int used, int needed, int minimum)
    {
        T[] bigger = ArrayPool<T>.Shared.Rent(Math.Max(minimum, Math.Max(needed, array.Length * 2)));
        array.AsSpan(0, used).CopyTo(bigger);
        if (array.Length > 0)
            ArrayPool<T>.Shared.Return(array);
        return bigger;
    }

    /// <summary>A 3-digit status code, or 0.</summary>
    private static int ParseStatus(ReadOnlySpan<byte> value)
    {
        if (value.Length != 3)
            return 0;
        int status = 0;
        foreach (byte b in value)
        {
            if (b is < (byte)'0' or > (byte)'9')
                return 0;
            status = (status * 10) + (b - '0');
        }
        return status;
    }
}
