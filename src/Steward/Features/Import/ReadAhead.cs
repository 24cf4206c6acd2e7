using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Steward.Features.Import;

/// <summary>
/// Produces a sequence on a background task, one item ahead of its consumer: while the consumer
/// writes batch N, batch N+1 is read and checked. Never more than one item waits, so memory
/// stays flat; stopping early (or failing) on either side stops the other.
/// </summary>
public static class ReadAhead
{
    public static async IAsyncEnumerable<T> OneAhead<T>(IEnumerable<T> source, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var item in source)
                {
                    await channel.Writer.WriteAsync(item, stop.Token);
                }
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(ct))
            {
                yield return item;
            }
        }
        finally
        {
            // The consumer is done, early or not: let the producer go and wait for it, so nothing
            // keeps reading the file after the import has moved on.
            await stop.CancelAsync();
            await producer;
        }
    }
}
