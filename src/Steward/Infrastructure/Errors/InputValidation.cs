using System.ComponentModel.DataAnnotations;

namespace Steward.Infrastructure.Errors;

public static class InputValidation
{
    /// <summary>Runs the data annotations of an input model into <paramref name="errors"/>.</summary>
    public static InputErrors Annotations(object input, InputErrors? errors = null)
    {
        errors ??= new InputErrors();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                errors.Add(member, result.ErrorMessage ?? "Invalid value.");
            }
        }
        return errors;
    }

    /// <summary>Trims, and turns blank into null: a form's empty box means "no value".</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
