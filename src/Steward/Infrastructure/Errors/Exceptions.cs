namespace Steward.Infrastructure.Errors;

/// <summary>Input that cannot be accepted. Nothing was changed. Keys are property names.</summary>
public sealed class InvalidInputException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The input is not valid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public InvalidInputException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }
}

/// <summary>The record does not exist or the viewer may not see it (the two are indistinguishable on purpose).</summary>
public sealed class NotFoundException(string what, object id) : Exception($"{what} {id} was not found.")
{
    public string What { get; } = what;
}

/// <summary>Someone else changed the record since it was read. Nothing was changed.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

/// <summary>An If-Match precondition named a version that is no longer current.</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);

/// <summary>The viewer can see the record but may not do this to it.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>Collects field errors and throws them together, so the user sees every problem at once.</summary>
public sealed class InputErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public void ThrowIfAny()
    {
        if (Any) throw new InvalidInputException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
