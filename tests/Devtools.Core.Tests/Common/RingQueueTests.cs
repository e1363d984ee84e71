using Devtools.Core.Common;

namespace Devtools.Core.Tests.Common;

public sealed class RingQueueTests
{
    [Fact]
    public void RemoveAt_takes_an_item_from_the_middle_and_keeps_the_order_across_the_wrap()
    {
        var queue = new RingQueue<int>(4);
        for (int i = 0; i < 3; i++)
            queue.Enqueue(i);
        queue.Dequeue();
        queue.Dequeue();
        // Head is now near the end of the array: the next items wrap around.
        for (int i = 3; i < 6; i++)
            queue.Enqueue(i);
        Assert.Equal(4, queue.RemoveAt(2));
        Assert.Equal([2, 3, 5], Items(queue));
        Assert.Equal(2, queue.RemoveAt(0));
        Assert.Equal(5, queue.RemoveAt(1));
        Assert.Equal([3], Items(queue));
        Assert.Throws<ArgumentOutOfRangeException>(() => queue.RemoveAt(1));
    }

    private static int[] Items(RingQueue<int> queue) => [.. Enumerable.Range(0, queue.Count).Select(i => queue[i])];
}
