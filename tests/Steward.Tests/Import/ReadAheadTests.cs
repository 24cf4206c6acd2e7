using Steward.Features.Import;

namespace Steward.Tests.Import;

public sealed class ReadAheadTests
{
    [Fact]
    public async Task Every_item_arrives_in_order()
    {
        var seen = new List<int>();
        await foreach (var item in ReadAhead.OneAhead(Enumerable.Range(1, 1000))) seen.Add(item);
        Assert.Equal(Enumerable.Range(1, 1000), seen);
    }

    [Fact]
    public async Task The_producer_stays_at_most_one_item_ahead_and_stops_with_the_consumer()
    {
        var produced = 0;
        var closed = false;
        IEnumerable<int> Source()
        {
            try
            {
                for (var i = 0; i < 1_000_000; i++)
                {
                    Interlocked.Increment(ref produced);
                    yield return i;
                }
            }
            finally
            {
                closed = true;   // as a file reader would close its file
            }
        }

        await foreach (var item in ReadAhead.OneAhead(Source()))
        {
            await Task.Delay(20);   // give the producer every chance to run away
            // Taken: this one; waiting in the channel: one; being offered: one.
            Assert.InRange(Volatile.Read(ref produced), item + 1, item + 3);
            if (item == 5) break;
        }
        Assert.True(closed, "the source is let go as soon as the consumer stops");
        var atStop = Volatile.Read(ref produced);
        await Task.Delay(100);
        Assert.Equal(atStop, Volatile.Read(ref produced));
    }

    [Fact]
    public async Task A_failure_while_reading_reaches_the_consumer_as_it_was()
    {
        static IEnumerable<int> Broken()
        {
            yield return 1;
            throw new InvalidDataException("line 2: not a CSV file");
        }

        var seen = new List<int>();
        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var item in ReadAhead.OneAhead(Broken())) seen.Add(item);
        });
        Assert.Equal([1], seen);
        Assert.Equal("line 2: not a CSV file", error.Message);
    }
}
