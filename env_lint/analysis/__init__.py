"""What the rules and the reports derive from the project: lookups, the variable catalog,
what each service needs where it is deployed, and the deploy audit."""
