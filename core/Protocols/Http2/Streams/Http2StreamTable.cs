namespace Devtools.Core.Protocols.Http2.Streams;

/// <summary>What <see cref="Http2StreamTable.Open"/> did.</summary>
internal enum StreamOpening : byte
{
    Opened,

    /// <summary>The id belongs to a stream that was closed (a late frame): nothing is opened.</summary>
    Closed,

    /// <summary>The table was full: the oldest open stream was dropped to make room.</summary>
    OpenedByEviction,
}

/// <summary>
/// The open streams of one connection, by id, at most <see cref="Capacity"/> of them.
/// Stream ids only grow (RFC 9113 §5.1.1), so an id at or below the highest seen that
/// is not open belongs to a closed stream, and a late frame for it opens nothing. A
/// connection joined late also has streams that opened before we saw anything: ids
/// below the first stream we saw open with its HEADERS are let in.
/// </summary>
internal sealed class Http2StreamTable
{
    /// <summary>Stream objects kept for reuse after they close (their buffers with them).</summary>
    private const int MaxSpares = 8;

    private readonly Dictionary<int, Http2Stream> _open = [];
    private readonly Stack<Http2Stream> _spares = new();
    private readonly int _maxStoreBytes;
    private readonly int _maxBodyBytes;
    private readonly int[] _highestId = new int[2];
    private readonly int[] _firstSeenOpening = new int[2];
    private long _sequence;

    /// <summary>
    /// The stream found or opened last: a stream's frames come in runs (HEADERS then DATA,
    /// each looked up by the parser and again by the stitcher), so most lookups are for it.
    /// </summary>
    private Http2Stream? _last;

    public Http2StreamTable(int capacity, int maxStoreBytes, int maxBodyBytes)
    {
        Capacity = Math.Max(1, capacity);
        _maxStoreBytes = maxStoreBytes;
        _maxBodyBytes = maxBodyBytes;
    }

    public int Capacity { get; }

    public int Count => _open.Count;

    /// <summary>We did not see the connection start: streams may have opened before we joined.</summary>
    public bool JoinedLate { get; set; }

    public IEnumerable<Http2Stream> OpenStreams => _open.Values;

    public Http2Stream? Find(int id)
    {
        if (_last is { } last && last.Id == id)
            return last;
        if (!_open.TryGetValue(id, out Http2Stream? stream))
            return null;
        _last = stream;
        return stream;
    }

    /// <summary>
    /// Opens stream <paramref name="id"/>, or explains why not. <paramref name="withHeaders"/>
    /// says the stream's first frame is its header block (not a DATA frame of a stream
    /// that began before we joined). With the table full the oldest stream is evicted
    /// (handed to <paramref name="evicted"/> first, then closed).
    /// </summary>
    public StreamOpening Open(int id, bool withHeaders, out Http2Stream? stream, Action<Http2Stream>? evicted)
    {
        int parity = id & 1;
        if (id > _highestId[parity])
        {
            _highestId[parity] = id;
            if (withHeaders && _firstSeenOpening[parity] == 0)
                _firstSeenOpening[parity] = id;
        }
        else if (!JoinedLate || (_firstSeenOpening[parity] != 0 && id >= _firstSeenOpening[parity]))
        {
            stream = null;
            return StreamOpening.Closed;
        }
        StreamOpening result = StreamOpening.Opened;
        if (_open.Count >= Capacity)
        {
            Http2Stream oldest = _open.Values.MinBy(s => s.Sequence)!;
            evicted?.Invoke(oldest);
            Close(oldest);
            result = StreamOpening.OpenedByEviction;
        }
        stream = _spares.Count > 0 ? _spares.Pop() : new Http2Stream(_maxStoreBytes, _maxBodyBytes);
        stream.Open(id, _sequence++);
        _open[id] = stream;
        _last = stream;
        return result;
    }

    /// <summary>The stream is over: it leaves the table and its object is kept for reuse.</summary>
    public void Close(Http2Stream stream)
    {
        if (!_open.Remove(stream.Id))
            return;
        if (ReferenceEquals(_last, stream))
            _last = null;
        if (_spares.Count < MaxSpares)
        {
            stream.Close();
            _spares.Push(stream);
        }
        else
        {
            stream.Release();
        }
    }

    /// <summary>Closes everything and returns every buffer (the connection is gone).</summary>
    public void ReleaseAll()
    {
        // The dictionary's own (struct) enumerator: its Values collection is an object.
        foreach (KeyValuePair<int, Http2Stream> open in _open)
            open.Value.Release();
        _open.Clear();
        _last = null;
        while (_spares.Count > 0)
            _spares.Pop().Release();
    }
}
