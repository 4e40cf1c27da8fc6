// The bundle's entry: the action, built with this folder's tsconfig.json (its module substitutions).
import '../src/index.js'
