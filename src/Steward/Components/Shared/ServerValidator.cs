using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Steward.Components.Shared;

/// <summary>
/// Shows the service's field errors (the same ones the API returns) next to each field of an
/// EditForm. A field's message clears as soon as the user edits it.
/// </summary>
public sealed class ServerValidator : ComponentBase, IDisposable
{
    private ValidationMessageStore? _store;

    [CascadingParameter]
    private EditContext? EditContext { get; set; }

    protected override void OnInitialized()
    {
        if (EditContext is null) throw new InvalidOperationException($"{nameof(ServerValidator)} must be inside an EditForm.");
        _store = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += ClearAll;
        EditContext.OnFieldChanged += ClearField;
    }

    /// <summary>Shows the errors; ones whose field is not on the form are returned for a summary.</summary>
    public IReadOnlyList<string> Show(IReadOnlyDictionary<string, string[]> errors, IReadOnlySet<string> fieldsOnForm)
    {
        _store!.Clear();
        var unplaced = new List<string>();
        foreach (var (field, messages) in errors)
        {
            if (fieldsOnForm.Contains(field)) _store.Add(EditContext!.Field(field), messages);
            else unplaced.AddRange(messages);
        }
        EditContext!.NotifyValidationStateChanged();
        return unplaced;
    }

    private void ClearAll(object? sender, ValidationRequestedEventArgs e) => _store?.Clear();

    private void ClearField(object? sender, FieldChangedEventArgs e) => _store?.Clear(e.FieldIdentifier);

    public void Dispose()
    {
        if (EditContext is null) return;
        EditContext.OnValidationRequested -= ClearAll;
        EditContext.OnFieldChanged -= ClearField;
    }
}
