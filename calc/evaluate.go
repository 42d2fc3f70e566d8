package calc

// Evaluate runs every scenario of s on both paths and returns their figures, or every error met.
func Evaluate(s Set, opt Options) (Results, error) {
	panic("not yet")
}

// Parse reads a scenario file and checks it; the error joins every *FieldError found.
func Parse(data []byte) (Set, error) {
	panic("not yet")
}
