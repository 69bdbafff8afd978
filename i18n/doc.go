// Package i18n holds the words the UI adds around content, in one
// language, and the conventions of languages that the UI and the parser
// share: quotation marks, text direction, plural categories, dates and
// numbers.
//
// It is small and carries no translations on purpose: the wasm imports it,
// and the words of a page come with the page (see Words); of CLDR's data it
// holds only the plural rules, written as code. The translation files, and
// the merging of a language with English for the words it lacks, are in
// package catalog, on the server's side.
package i18n
