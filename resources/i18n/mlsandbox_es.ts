<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Access</name>
    <message>
        <source>Plot</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <source>Description of the view</source>
        <translation>Descripción de la vista</translation>
    </message>
    <message>
        <source>No description: {0}</source>
        <translation>Sin descripción: {0}</translation>
    </message>
    <message>
        <source>Describe</source>
        <translation>Describir</translation>
    </message>
    <message>
        <source>&amp;Describe panel</source>
        <translation>Panel &amp;Describir</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Alto contraste</translation>
    </message>
    <message>
        <source>&amp;Zoom</source>
        <translation>&amp;Zoom</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Restablecer zoom</translation>
    </message>
    <message>
        <source>Next / previous control, or next draggable in a plot</source>
        <translation>Control siguiente / anterior, o siguiente objeto arrastrable de un gráfico</translation>
    </message>
    <message>
        <source>Move the selected vector tip, point or start</source>
        <translation>Mover la punta, el punto o el inicio seleccionado</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Flechas</translation>
    </message>
    <message>
        <source>Move in fine steps / coarse steps</source>
        <translation>Mover en pasos finos / gruesos</translation>
    </message>
    <message>
        <source>Shift+arrows / Ctrl+arrows</source>
        <translation>Mayús+flechas / Ctrl+flechas</translation>
    </message>
    <message>
        <source>Finish the move (one undo step)</source>
        <translation>Terminar el movimiento (un paso de deshacer)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Put it back where the move began</source>
        <translation>Devolverlo adonde empezó el movimiento</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Select the next / previous data point (Network, Classifier)</source>
        <translation>Seleccionar el punto de datos siguiente / anterior (Red, Clasificador)</translation>
    </message>
    <message>
        <source>Select event A or B (Probability)</source>
        <translation>Seleccionar el suceso A o B (Probabilidad)</translation>
    </message>
    <message>
        <source>Resize the selected event (Probability)</source>
        <translation>Cambiar el tamaño del suceso seleccionado (Probabilidad)</translation>
    </message>
    <message>
        <source>Shift+arrows</source>
        <translation>Mayús+flechas</translation>
    </message>
    <message>
        <source>Show or hide the Describe panel (the view in words)</source>
        <translation>Mostrar u ocultar el panel Describir (la vista en palabras)</translation>
    </message>
    <message>
        <source>Change a slider or number box</source>
        <translation>Cambiar un deslizador o una casilla numérica</translation>
    </message>
    <message>
        <source>Arrow keys, Page Up / Page Down</source>
        <translation>Flechas, Re Pág / Av Pág</translation>
    </message>
    <message>
        <source>Goal reached: {0}</source>
        <translation>Objetivo alcanzado: {0}</translation>
    </message>
    <message>
        <source>Selected point {0} of {1} at {2}.</source>
        <translation>Punto seleccionado {0} de {1} en {2}.</translation>
    </message>
    <message>
        <source>N / Shift+N: next / previous point; arrows move it; Enter keeps, Escape undoes</source>
        <translation>N / Mayús+N: punto siguiente / anterior; las flechas lo mueven; Intro confirma, Escape deshace</translation>
    </message>
</context>
<context>
    <name>BayesTab</name>
    <message>
        <source>prevalence P(D)</source>
        <translation>prevalencia P(D)</translation>
    </message>
    <message>
        <source>sensitivity P(+|D)</source>
        <translation>sensibilidad P(+|D)</translation>
    </message>
    <message>
        <source>specificity P(−|healthy)</source>
        <translation>especificidad P(−|sano)</translation>
    </message>
    <message>
        <source>The test</source>
        <translation>La prueba</translation>
    </message>
    <message>
        <source>A second, independent test is also positive</source>
        <translation>Una segunda prueba independiente también da positivo</translation>
    </message>
    <message>
        <source>Of 1 000 people, {0} are sick: {1} {2} test positive, {3} {4} negative. Of the {5} healthy, {6} {7} test positive anyway, {8} {9} negative.</source>
        <translation>De 1 000 personas, {0} están enfermas: {1} {2} dan positivo, {3} {4} negativo. De las {5} sanas, {6} {7} dan positivo igualmente, {8} {9} negativo.</translation>
    </message>
    <message>
        <source>Nobody tests positive (P(+) = 0), so P(D | +) is undefined.</source>
        <translation>Nadie da positivo (P(+) = 0), así que P(D | +) no está definida.</translation>
    </message>
    <message>
        <source>P(D | +) = {0} / {1} ≈ &lt;b&gt;{2:.4f}&lt;/b&gt; ({2:.1%}). Among those who test positive, only {3} in {4} are sick — the sensitivity is {5:.0%}, but the disease is rare (base rate {6:.1%}).</source>
        <translation>P(D | +) = {0} / {1} ≈ &lt;b&gt;{2:.4f}&lt;/b&gt; ({2:.1%}). Entre quienes dan positivo, solo {3} de cada {4} están enfermos: la sensibilidad es del {5:.0%}, pero la enfermedad es rara (tasa base {6:.1%}).</translation>
    </message>
    <message>
        <source>After a second positive test: undefined.</source>
        <translation>Tras una segunda prueba positiva: no definido.</translation>
    </message>
    <message>
        <source>After a second positive test (prior {0:.4f}): &lt;b&gt;{1:.4f}&lt;/b&gt;.</source>
        <translation>Tras una segunda prueba positiva (a priori {0:.4f}): &lt;b&gt;{1:.4f}&lt;/b&gt;.</translation>
    </message>
</context>
<context>
    <name>ClassifierControls</name>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Palmer penguins</source>
        <translation>Pingüinos de Palmer</translation>
    </message>
    <message>
        <source>Two blobs (generated)</source>
        <translation>Dos nubes (generadas)</translation>
    </message>
    <message>
        <source>My CSV file</source>
        <translation>Mi archivo CSV</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>Origen de los datos</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Positive class</source>
        <translation>Clase positiva</translation>
    </message>
    <message>
        <source>Negative class</source>
        <translation>Clase negativa</translation>
    </message>
    <message>
        <source>Positive (1)</source>
        <translation>Positiva (1)</translation>
    </message>
    <message>
        <source>Negative (0)</source>
        <translation>Negativa (0)</translation>
    </message>
    <message>
        <source>First feature</source>
        <translation>Primera variable</translation>
    </message>
    <message>
        <source>(one feature only)</source>
        <translation>(solo una variable)</translation>
    </message>
    <message>
        <source>Second feature</source>
        <translation>Segunda variable</translation>
    </message>
    <message>
        <source>Feature 1</source>
        <translation>Variable 1</translation>
    </message>
    <message>
        <source>Feature 2</source>
        <translation>Variable 2</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>separación</translation>
    </message>
    <message>
        <source>Blob separation</source>
        <translation>Separación de las nubes</translation>
    </message>
    <message>
        <source>Blob separation value</source>
        <translation>Valor de la separación de las nubes</translation>
    </message>
    <message>
        <source>Separation</source>
        <translation>Separación</translation>
    </message>
    <message>
        <source>Number of generated points</source>
        <translation>Número de puntos generados</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>New sample</source>
        <translation>Nueva muestra</translation>
    </message>
    <message>
        <source>Draw a new sample of blobs</source>
        <translation>Generar una nueva muestra de nubes</translation>
    </message>
    <message>
        <source>Load CSV…</source>
        <translation>Cargar CSV…</translation>
    </message>
    <message>
        <source>Load a CSV file with two features and a label column</source>
        <translation>Cargar un archivo CSV con dos variables y una columna de etiqueta</translation>
    </message>
    <message>
        <source>Put dragged points back</source>
        <translation>Devolver los puntos arrastrados</translation>
    </message>
    <message>
        <source>Undo every point drag</source>
        <translation>Deshacer todos los arrastres de puntos</translation>
    </message>
    <message>
        <source>Model and threshold</source>
        <translation>Modelo y umbral</translation>
    </message>
    <message>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <source>L2 penalty</source>
        <translation>Penalización L2</translation>
    </message>
    <message>
        <source>L2 penalty value</source>
        <translation>Valor de la penalización L2</translation>
    </message>
    <message>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <source>Decision threshold</source>
        <translation>Umbral de decisión</translation>
    </message>
    <message>
        <source>Decision threshold value</source>
        <translation>Valor del umbral de decisión</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Umbral</translation>
    </message>
    <message>
        <source>Share of points held out for testing</source>
        <translation>Fracción de puntos reservada para la prueba</translation>
    </message>
    <message>
        <source>Test share value</source>
        <translation>Valor de la fracción de prueba</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>Fracción de prueba</translation>
    </message>
    <message>
        <source>Seed of the train/test split and the folds</source>
        <translation>Semilla de la división entrenamiento/prueba y de las particiones</translation>
    </message>
    <message>
        <source>Split seed</source>
        <translation>Semilla de la división</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Number of cross-validation folds</source>
        <translation>Número de particiones de la validación cruzada</translation>
    </message>
    <message>
        <source>k folds</source>
        <translation>k particiones</translation>
    </message>
    <message>
        <source>feature 1 only</source>
        <translation>solo la variable 1</translation>
    </message>
    <message>
        <source>feature 2 only</source>
        <translation>solo la variable 2</translation>
    </message>
    <message>
        <source>Model B uses</source>
        <translation>El modelo B usa</translation>
    </message>
    <message>
        <source>Model B</source>
        <translation>Modelo B</translation>
    </message>
    <message>
        <source>Bootstrap resamples</source>
        <translation>Remuestras bootstrap</translation>
    </message>
    <message>
        <source>Resamples</source>
        <translation>Remuestras</translation>
    </message>
    <message>
        <source>Number of noise feature sets tried</source>
        <translation>Número de conjuntos de variables de ruido probados</translation>
    </message>
    <message>
        <source>Feature sets</source>
        <translation>Conjuntos de variables</translation>
    </message>
    <message>
        <source>Seed of the noise features</source>
        <translation>Semilla de las variables de ruido</translation>
    </message>
    <message>
        <source>Noise seed</source>
        <translation>Semilla del ruido</translation>
    </message>
    <message>
        <source>Significance level alpha</source>
        <translation>Nivel de significación alfa</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
</context>
<context>
    <name>ClassifierLab</name>
    <message>
        <source>Coefficients with standard errors and Wald p-values</source>
        <translation>Coeficientes con errores estándar y valores p de Wald</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>Curva ROC</translation>
    </message>
    <message>
        <source>Precision–recall</source>
        <translation>Precisión–exhaustividad</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Calibración</translation>
    </message>
    <message>
        <source>Which curve to show</source>
        <translation>Qué curva mostrar</translation>
    </message>
    <message>
        <source>Curve readout</source>
        <translation>Lectura de la curva</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Umbral</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Classifier views</source>
        <translation>Vistas del clasificador</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>The positive and negative class must be two different species.</source>
        <translation>La clase positiva y la negativa deben ser dos especies distintas.</translation>
    </message>
    <message>
        <source>Choose two different features (or &apos;one feature only&apos;).</source>
        <translation>Elige dos variables distintas (o «solo una variable»).</translation>
    </message>
    <message>
        <source>coefficient</source>
        <translation>coeficiente</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>estimación</translation>
    </message>
    <message>
        <source>SE</source>
        <translation>EE</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <source>p (Wald)</source>
        <translation>p (Wald)</translation>
    </message>
    <message>
        <source>Fit note</source>
        <translation>Nota del ajuste</translation>
    </message>
    <message>
        <source>{0} point(s) moved by hand.</source>
        <translation>{0} punto(s) movido(s) a mano.</translation>
    </message>
    <message>
        <source>The classes are perfectly separable: the weights grow without bound.</source>
        <translation>Las clases son perfectamente separables: los pesos crecen sin límite.</translation>
    </message>
    <message>
        <source>Every test point is classified correctly.</source>
        <translation>Todos los puntos de prueba están bien clasificados.</translation>
    </message>
    <message>
        <source>{0} test point(s) misclassified.</source>
        <translation>{0} punto(s) de prueba mal clasificado(s).</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>Code — {title}</source>
        <translation>Código — {title}</translation>
    </message>
    <message>
        <source>Python code</source>
        <translation>Código Python</translation>
    </message>
    <message>
        <source>Runs as it stands in a notebook or a script with numpy, scipy and matplotlib (sympy where exact arithmetic is the point); no part of this app is needed.</source>
        <translation>Se ejecuta tal cual en un cuaderno o un script con numpy, scipy y matplotlib (sympy donde importa la aritmética exacta); no hace falta ninguna parte de esta aplicación.</translation>
    </message>
    <message>
        <source>Save or copy status</source>
        <translation>Estado de guardar o copiar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>Copiar el código</translation>
    </message>
    <message>
        <source>Save as .py…</source>
        <translation>Guardar como .py…</translation>
    </message>
    <message>
        <source>Save the code as a Python file</source>
        <translation>Guardar el código como archivo Python</translation>
    </message>
    <message>
        <source>Copied the code to the clipboard.</source>
        <translation>Código copiado al portapapeles.</translation>
    </message>
    <message>
        <source>Save the code as</source>
        <translation>Guardar el código como</translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Scripts de Python (*.py);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Could not save {path}: {error}</source>
        <translation>No se pudo guardar {path}: {error}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado {path}</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>Disjoint is not independent (same P(A), P(B))</source>
        <translation>Incompatibles no es independientes (mismas P(A), P(B))</translation>
    </message>
    <message>
        <source>disjoint example</source>
        <translation>ejemplo incompatible</translation>
    </message>
    <message>
        <source>independent example</source>
        <translation>ejemplo independiente</translation>
    </message>
    <message>
        <source>P(A) + P(B) &gt; 1: A and B cannot be disjoint.</source>
        <translation>P(A) + P(B) &gt; 1: A y B no pueden ser incompatibles.</translation>
    </message>
    <message>
        <source>Disjoint: P(A∩B) = 0 ≠ P(A)·P(B) = {0}. Knowing B happened rules A out: dependent.</source>
        <translation>Incompatibles: P(A∩B) = 0 ≠ P(A)·P(B) = {0}. Saber que ocurrió B descarta A: dependientes.</translation>
    </message>
    <message>
        <source>Independent: P(A∩B) = P(A)·P(B) = {0}. Knowing B leaves P(A|B) = P(A).</source>
        <translation>Independientes: P(A∩B) = P(A)·P(B) = {0}. Saber B deja P(A|B) = P(A).</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <source>Confusion matrix</source>
        <translation>Matriz de confusión</translation>
    </message>
    <message>
        <source>predicted 1</source>
        <translation>predicho 1</translation>
    </message>
    <message>
        <source>predicted 0</source>
        <translation>predicho 0</translation>
    </message>
    <message>
        <source>true positives</source>
        <translation>verdaderos positivos</translation>
    </message>
    <message>
        <source>false negatives</source>
        <translation>falsos negativos</translation>
    </message>
    <message>
        <source>false positives</source>
        <translation>falsos positivos</translation>
    </message>
    <message>
        <source>true negatives</source>
        <translation>verdaderos negativos</translation>
    </message>
    <message>
        <source>true 1 ({0})</source>
        <translation>real 1 ({0})</translation>
    </message>
    <message>
        <source>true 0 ({0})</source>
        <translation>real 0 ({0})</translation>
    </message>
    <message>
        <source>accuracy {a:.3f} · precision {p:.3f} · recall {r:.3f}
specificity {s:.3f} · F1 {f:.3f}</source>
        <translation>exactitud {a:.3f} · precisión {p:.3f} · exhaustividad {r:.3f}
especificidad {s:.3f} · F1 {f:.3f}</translation>
    </message>
</context>
<context>
    <name>CsvLoader</name>
    <message>
        <source>Open a CSV file</source>
        <translation>Abrir un archivo CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.tsv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>no column holds only numbers</source>
        <translation>ninguna columna contiene solo números</translation>
    </message>
    <message>
        <source>no column holds exactly two different values to use as the label</source>
        <translation>ninguna columna tiene exactamente dos valores distintos para usar como etiqueta</translation>
    </message>
    <message>
        <source>Cannot use {0}: {1}</source>
        <translation>No se puede usar {0}: {1}</translation>
    </message>
    <message>
        <source>{0}: {1} rows, label {2!r} ({3} = 1)</source>
        <translation>{0}: {1} filas, etiqueta {2!r} ({3} = 1)</translation>
    </message>
    <message>
        <source>; {0} rows with a missing cell left out</source>
        <translation>; {0} filas con una celda vacía descartadas</translation>
    </message>
</context>
<context>
    <name>CubePage</name>
    <message>
        <source>The unit cube and its image under the 3×3 matrix A</source>
        <translation>El cubo unidad y su imagen por la matriz A 3×3</translation>
    </message>
    <message>
        <source>3×3 matrix A</source>
        <translation>Matriz A 3×3</translation>
    </message>
    <message>
        <source>turn</source>
        <translation>giro</translation>
    </message>
    <message>
        <source>tilt</source>
        <translation>inclinación</translation>
    </message>
    <message>
        <source>Turn the view</source>
        <translation>Girar la vista</translation>
    </message>
    <message>
        <source>Tilt the view</source>
        <translation>Inclinar la vista</translation>
    </message>
    <message>
        <source>Matrix entry error</source>
        <translation>Error en una entrada de la matriz</translation>
    </message>
    <message>
        <source>3-D warning</source>
        <translation>Aviso 3D</translation>
    </message>
    <message>
        <source>3-D results</source>
        <translation>Resultados 3D</translation>
    </message>
    <message>
        <source>entries must be between −1000 and 1000</source>
        <translation>las entradas deben estar entre −1000 y 1000</translation>
    </message>
    <message>
        <source>Edit matrix</source>
        <translation>Editar matriz</translation>
    </message>
    <message>
        <source>{0}. A keeps its last good entries.</source>
        <translation>{0}. A conserva sus últimas entradas válidas.</translation>
    </message>
    <message>
        <source>&lt;b&gt;det A = {0}&lt;/b&gt;: the signed volume of the blue box (the unit cube has volume 1)</source>
        <translation>&lt;b&gt;det A = {0}&lt;/b&gt;: el volumen con signo de la caja azul (el cubo unidad tiene volumen 1)</translation>
    </message>
    <message>
        <source>rank {0}</source>
        <translation>rango {0}</translation>
    </message>
    <message>
        <source>λ = {0}, v = {1}: the line through v stays put</source>
        <translation>λ = {0}, v = {1}: la recta que pasa por v se queda en su sitio</translation>
    </message>
    <message>
        <source>The other eigenvalues are complex: A turns those directions.</source>
        <translation>Los otros autovalores son complejos: A gira esas direcciones.</translation>
    </message>
</context>
<context>
    <name>CurveView</name>
    <message>
        <source>ROC, precision-recall or calibration curve</source>
        <translation>Curva ROC, de precisión-exhaustividad o de calibración</translation>
    </message>
    <message>
        <source>false-positive rate</source>
        <translation>tasa de falsos positivos</translation>
    </message>
    <message>
        <source>true-positive rate (recall)</source>
        <translation>tasa de verdaderos positivos (exhaustividad)</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>exhaustividad</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>precisión</translation>
    </message>
    <message>
        <source>mean predicted probability</source>
        <translation>probabilidad predicha media</translation>
    </message>
    <message>
        <source>observed share of positives</source>
        <translation>proporción observada de positivos</translation>
    </message>
</context>
<context>
    <name>DecompositionsLab</name>
    <message>
        <source>Decompositions sections</source>
        <translation>Secciones de descomposiciones</translation>
    </message>
    <message>
        <source>Least squares</source>
        <translation>Mínimos cuadrados</translation>
    </message>
    <message>
        <source>SVD</source>
        <translation>SVD</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>ACP</translation>
    </message>
    <message>
        <source>Low-rank images</source>
        <translation>Imágenes de rango bajo</translation>
    </message>
    <message>
        <source>Markov &amp;&amp; PageRank</source>
        <translation>Markov y PageRank</translation>
    </message>
    <message>
        <source>3×3 in 3-D</source>
        <translation>3×3 en 3D</translation>
    </message>
    <message>
        <source>Least squares: no points.</source>
        <translation>Mínimos cuadrados: no hay puntos.</translation>
    </message>
    <message>
        <source>Least squares: {0} points, degree {1} fit x* = {2}; residual ‖r‖² = {3}. {4}</source>
        <translation>Mínimos cuadrados: {0} puntos, ajuste de grado {1} x* = {2}; residuo ‖r‖² = {3}. {4}</translation>
    </message>
    <message>
        <source>SVD of a {0}×{0} matrix: singular values {1}, rank {2}, condition number {3}. {4}</source>
        <translation>SVD de una matriz {0}×{0}: valores singulares {1}, rango {2}, número de condición {3}. {4}</translation>
    </message>
    <message>
        <source>PCA of {0} ({1}): the first {2} component(s) explain {3} % of the variance.</source>
        <translation>ACP de {0} ({1}): las primeras {2} componente(s) explican el {3} % de la varianza.</translation>
    </message>
    <message>
        <source>standardised</source>
        <translation>estandarizadas</translation>
    </message>
    <message>
        <source>raw units</source>
        <translation>unidades originales</translation>
    </message>
    <message>
        <source>Low-rank image: computing the SVD.</source>
        <translation>Imagen de rango bajo: calculando la SVD.</translation>
    </message>
    <message>
        <source>Rank-{0} image: relative error {1} %, storage {2} % of the pixels.</source>
        <translation>Imagen de rango {0}: error relativo {1} %, almacenamiento {2} % de los píxeles.</translation>
    </message>
    <message>
        <source>3×3 matrix on the unit cube: det {0} (signed volume), rank {1}, {2} real eigenvalue(s). {3}</source>
        <translation>Matriz 3×3 sobre el cubo unidad: det {0} (volumen con signo), rango {1}, {2} autovalor(es) real(es). {3}</translation>
    </message>
    <message>
        <source>Markov chain with {0} nodes, damping {1}: node {2} ranks highest (π = {3}). {4}</source>
        <translation>Cadena de Markov con {0} nodos, amortiguación {1}: el nodo {2} queda el primero (π = {3}). {4}</translation>
    </message>
</context>
<context>
    <name>Derivatives</name>
    <message>
        <source>undefined</source>
        <translation>no definido</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>path</source>
        <translation>camino</translation>
    </message>
    <message>
        <source>tangent</source>
        <translation>tangente</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Your own function</source>
        <translation>Tu propia función</translation>
    </message>
    <message>
        <source>Show f″ (second derivative)</source>
        <translation>Mostrar f″ (segunda derivada)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Predefinida</translation>
    </message>
    <message>
        <source>Point and tangent</source>
        <translation>Punto y tangente</translation>
    </message>
    <message>
        <source>slope f′(x₀)</source>
        <translation>pendiente f′(x₀)</translation>
    </message>
    <message>
        <source>Secant and finite differences</source>
        <translation>Secante y diferencias finitas</translation>
    </message>
    <message>
        <source>Show the secant through x₀ and x₀ + h</source>
        <translation>Mostrar la secante por x₀ y x₀ + h</translation>
    </message>
    <message>
        <source>secant slope</source>
        <translation>pendiente de la secante</translation>
    </message>
    <message>
        <source>|secant − f′|</source>
        <translation>|secante − f′|</translation>
    </message>
    <message>
        <source>central diff.</source>
        <translation>dif. centrada</translation>
    </message>
    <message>
        <source>working out the exact derivatives (loading sympy)…</source>
        <translation>calculando las derivadas exactas (cargando sympy)…</translation>
    </message>
    <message>
        <source>Graphs</source>
        <translation>Gráficas</translation>
    </message>
    <message>
        <source>Chain rule</source>
        <translation>Regla de la cadena</translation>
    </message>
    <message>
        <source>Show f″</source>
        <translation>Mostrar f″</translation>
    </message>
    <message>
        <source>Hide f″</source>
        <translation>Ocultar f″</translation>
    </message>
    <message>
        <source>Show secant</source>
        <translation>Mostrar secante</translation>
    </message>
    <message>
        <source>Hide secant</source>
        <translation>Ocultar secante</translation>
    </message>
    <message>
        <source>Set x₀</source>
        <translation>Fijar x₀</translation>
    </message>
    <message>
        <source>Move point</source>
        <translation>Mover el punto</translation>
    </message>
    <message>
        <source>Change h</source>
        <translation>Cambiar h</translation>
    </message>
    <message>
        <source>Own function</source>
        <translation>Función propia</translation>
    </message>
    <message>
        <source>Preset {0}</source>
        <translation>Predefinida {0}</translation>
    </message>
    <message>
        <source>Edit function</source>
        <translation>Editar la función</translation>
    </message>
    <message>
        <source>Chain rule input</source>
        <translation>Dato de la regla de la cadena</translation>
    </message>
    <message>
        <source>Switch tab</source>
        <translation>Cambiar de pestaña</translation>
    </message>
    <message>
        <source>secant</source>
        <translation>secante</translation>
    </message>
    <message>
        <source>Drag me along the curve</source>
        <translation>Arrástrame a lo largo de la curva</translation>
    </message>
    <message>
        <source>step h   (round-off ← | → truncation)</source>
        <translation>paso h   (redondeo ← | → truncamiento)</translation>
    </message>
    <message>
        <source>Finite-difference error</source>
        <translation>Error de diferencias finitas</translation>
    </message>
    <message>
        <source>|error|</source>
        <translation>|error|</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>progresiva</translation>
    </message>
    <message>
        <source>central</source>
        <translation>centrada</translation>
    </message>
    <message>
        <source>log-loss</source>
        <translation>pérdida logarítmica</translation>
    </message>
    <message>
        <source>squared error</source>
        <translation>error cuadrático</translation>
    </message>
</context>
<context>
    <name>DerivativesLab</name>
    <message>
        <source>f(x) = {0}; point x = {1}</source>
        <translation>f(x) = {0}; punto x = {1}</translation>
    </message>
    <message>
        <source>f is not defined at this point</source>
        <translation>f no está definida en este punto</translation>
    </message>
    <message>
        <source>f(x) = {0}; slope f′(x) = {1}</source>
        <translation>f(x) = {0}; pendiente f′(x) = {1}</translation>
    </message>
    <message>
        <source>secant slope (h = {0}) {1}</source>
        <translation>pendiente de la secante (h = {0}) {1}</translation>
    </message>
</context>
<context>
    <name>Distributions</name>
    <message>
        <source>⏸ Pause</source>
        <translation>⏸ Pausa</translation>
    </message>
    <message>
        <source>▶ Animate</source>
        <translation>▶ Animar</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Distribución</translation>
    </message>
    <message>
        <source>family</source>
        <translation>familia</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Muestras</translation>
    </message>
    <message>
        <source>How many draws ({0} … {1}); large draws run in the background</source>
        <translation>Cuántas extracciones ({0} … {1}); las grandes se calculan en segundo plano</translation>
    </message>
    <message>
        <source>Same seed, same draws: a whole class can reproduce one run</source>
        <translation>Misma semilla, mismas extracciones: toda una clase puede reproducir una ejecución</translation>
    </message>
    <message>
        <source>New draw</source>
        <translation>Nueva extracción</translation>
    </message>
    <message>
        <source>Next seed: a fresh set of samples</source>
        <translation>Siguiente semilla: un nuevo conjunto de muestras</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <source>Histogram bins; &apos;auto&apos; uses the larger of Sturges&apos; and Freedman–Diaconis&apos; rules</source>
        <translation>Intervalos del histograma; &apos;auto&apos; usa el mayor de las reglas de Sturges y de Freedman–Diaconis</translation>
    </message>
    <message>
        <source>histogram</source>
        <translation>histograma</translation>
    </message>
    <message>
        <source>PDF / PMF</source>
        <translation>FDP / FMP</translation>
    </message>
    <message>
        <source>CDF</source>
        <translation>FDA</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>semilla</translation>
    </message>
    <message>
        <source>bins</source>
        <translation>intervalos</translation>
    </message>
    <message>
        <source>Theory vs sample</source>
        <translation>Teoría frente a muestra</translation>
    </message>
    <message>
        <source>Classroom: draw one at a time</source>
        <translation>En clase: extrae de uno en uno</translation>
    </message>
    <message>
        <source>Draw one</source>
        <translation>Extraer una</translation>
    </message>
    <message>
        <source>Draw 100</source>
        <translation>Extraer 100</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Mostrar todas</translation>
    </message>
    <message>
        <source>Central limit theorem</source>
        <translation>Teorema central del límite</translation>
    </message>
    <message>
        <source>draws averaged per mean</source>
        <translation>extracciones promediadas por media</translation>
    </message>
    <message>
        <source>Each bar counts means of n draws from the chosen distribution (4 000 means). Slide n up and watch any shape turn normal — unless the variance is infinite (Cauchy).</source>
        <translation>Cada barra cuenta medias de n extracciones de la distribución elegida (4 000 medias). Sube n y mira cómo cualquier forma se vuelve normal, salvo si la varianza es infinita (Cauchy).</translation>
    </message>
    <message>
        <source>Two variables</source>
        <translation>Dos variables</translation>
    </message>
    <message>
        <source>correlation of x and y</source>
        <translation>correlación de x e y</translation>
    </message>
    <message>
        <source>Bayes coin</source>
        <translation>Moneda bayesiana</translation>
    </message>
    <message>
        <source>prior pseudo-heads</source>
        <translation>pseudo-caras a priori</translation>
    </message>
    <message>
        <source>prior pseudo-tails</source>
        <translation>pseudo-cruces a priori</translation>
    </message>
    <message>
        <source>true heads probability of the coin</source>
        <translation>probabilidad real de cara de la moneda</translation>
    </message>
    <message>
        <source>prior</source>
        <translation>a priori</translation>
    </message>
    <message>
        <source>true</source>
        <translation>real</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>Cara</translation>
    </message>
    <message>
        <source>Tails</source>
        <translation>Cruz</translation>
    </message>
    <message>
        <source>Flip 1</source>
        <translation>Lanzar 1</translation>
    </message>
    <message>
        <source>Flip 10</source>
        <translation>Lanzar 10</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <source>Maximum likelihood</source>
        <translation>Máxima verosimilitud</translation>
    </message>
    <message>
        <source>current samples</source>
        <translation>muestras actuales</translation>
    </message>
    <message>
        <source>loaded data</source>
        <translation>datos cargados</translation>
    </message>
    <message>
        <source>bundled data set…</source>
        <translation>conjunto de datos incluido…</translation>
    </message>
    <message>
        <source>Open CSV…</source>
        <translation>Abrir CSV…</translation>
    </message>
    <message>
        <source>numeric column of the loaded table</source>
        <translation>columna numérica de la tabla cargada</translation>
    </message>
    <message>
        <source>or type numbers: 2.1, 3.4, 1.9 …</source>
        <translation>o escribe números: 2,1; 3,4; 1,9 …</translation>
    </message>
    <message>
        <source>the parameter on the log-likelihood curve</source>
        <translation>el parámetro de la curva de log-verosimilitud</translation>
    </message>
    <message>
        <source>fit to</source>
        <translation>ajustar a</translation>
    </message>
    <message>
        <source>column</source>
        <translation>columna</translation>
    </message>
    <message>
        <source>curve of</source>
        <translation>curva de</translation>
    </message>
    <message>
        <source>Open a CSV file</source>
        <translation>Abrir un archivo CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt)</source>
        <translation>Archivos CSV (*.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <source>type some numbers, separated by commas or spaces</source>
        <translation>escribe algunos números, separados por punto y coma o espacios</translation>
    </message>
    <message>
        <source>typed: {0} values</source>
        <translation>escritos: {0} valores</translation>
    </message>
    <message>
        <source>Sampler</source>
        <translation>Muestreo</translation>
    </message>
    <message>
        <source>Large numbers</source>
        <translation>Grandes números</translation>
    </message>
    <message>
        <source>Central limit</source>
        <translation>Límite central</translation>
    </message>
    <message>
        <source>QQ plot</source>
        <translation>Gráfico QQ</translation>
    </message>
    <message>
        <source>Bivariate / PCA</source>
        <translation>Bivariante / ACP</translation>
    </message>
    <message>
        <source>Max likelihood</source>
        <translation>Máx. verosimilitud</translation>
    </message>
    <message>
        <source>Histogram of the draws over the PDF/PMF, and the CDF</source>
        <translation>Histograma de las extracciones sobre la función de densidad/probabilidad, y la función de distribución</translation>
    </message>
    <message>
        <source>Law of large numbers: the running mean settles on μ</source>
        <translation>Ley de los grandes números: la media acumulada se asienta en μ</translation>
    </message>
    <message>
        <source>Central limit theorem: means of n draws turn normal</source>
        <translation>Teorema central del límite: las medias de n extracciones se vuelven normales</translation>
    </message>
    <message>
        <source>Quantile–quantile plot against a normal</source>
        <translation>Gráfico cuantil–cuantil frente a una normal</translation>
    </message>
    <message>
        <source>Correlated bivariate normal, covariance ellipse and principal axes (PCA)</source>
        <translation>Normal bivariante correlacionada, elipse de covarianza y ejes principales (ACP)</translation>
    </message>
    <message>
        <source>A coin&apos;s prior → posterior, flip by flip</source>
        <translation>A priori → a posteriori de una moneda, lanzamiento a lanzamiento</translation>
    </message>
    <message>
        <source>Maximum likelihood: fitting is optimisation</source>
        <translation>Máxima verosimilitud: ajustar es optimizar</translation>
    </message>
    <message>
        <source>Load data</source>
        <translation>Cargar datos</translation>
    </message>
    <message>
        <source>Sample size</source>
        <translation>Tamaño de la muestra</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>Intervalos</translation>
    </message>
    <message>
        <source>Show histogram</source>
        <translation>Mostrar histograma</translation>
    </message>
    <message>
        <source>Show PDF</source>
        <translation>Mostrar densidad</translation>
    </message>
    <message>
        <source>Show CDF</source>
        <translation>Mostrar distribución acumulada</translation>
    </message>
    <message>
        <source>Prior α</source>
        <translation>α a priori</translation>
    </message>
    <message>
        <source>Prior β</source>
        <translation>β a priori</translation>
    </message>
    <message>
        <source>Coin p</source>
        <translation>p de la moneda</translation>
    </message>
    <message>
        <source>Reset flips</source>
        <translation>Reiniciar lanzamientos</translation>
    </message>
    <message>
        <source>Fit family</source>
        <translation>Familia del ajuste</translation>
    </message>
    <message>
        <source>Fit source</source>
        <translation>Datos del ajuste</translation>
    </message>
    <message>
        <source>Set {0}</source>
        <translation>Fijar {0}</translation>
    </message>
    <message>
        <source>Likelihood parameter</source>
        <translation>Parámetro de la verosimilitud</translation>
    </message>
    <message>
        <source>At most {0} flips are kept; press Reset to start again</source>
        <translation>Se guardan como máximo {0} lanzamientos; pulsa Reiniciar para empezar de nuevo</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>Lanzar</translation>
    </message>
    <message>
        <source>Loading the statistics library (scipy.stats)…</source>
        <translation>Cargando la biblioteca de estadística (scipy.stats)…</translation>
    </message>
    <message>
        <source>Release the slider to redraw the samples</source>
        <translation>Suelta el deslizador para volver a extraer las muestras</translation>
    </message>
    <message>
        <source>Working on {0} samples…</source>
        <translation>Calculando {0} muestras…</translation>
    </message>
    <message>
        <source>Density</source>
        <translation>Densidad</translation>
    </message>
    <message>
        <source>density</source>
        <translation>densidad</translation>
    </message>
    <message>
        <source>CDF  P(X ≤ x)</source>
        <translation>Distribución acumulada  P(X ≤ x)</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>probabilidad</translation>
    </message>
    <message>
        <source>samples (histogram)</source>
        <translation>muestras (histograma)</translation>
    </message>
    <message>
        <source>theory (pdf / pmf)</source>
        <translation>teoría (fdp / fmp)</translation>
    </message>
    <message>
        <source>number of draws k</source>
        <translation>número de extracciones k</translation>
    </message>
    <message>
        <source>mean of k draws</source>
        <translation>media de k extracciones</translation>
    </message>
    <message>
        <source>running mean x̄ₖ</source>
        <translation>media acumulada x̄ₖ</translation>
    </message>
    <message>
        <source>theoretical mean μ</source>
        <translation>media teórica μ</translation>
    </message>
    <message>
        <source>Central limit theorem: means of n draws</source>
        <translation>Teorema central del límite: medias de n extracciones</translation>
    </message>
    <message>
        <source>sample mean</source>
        <translation>media muestral</translation>
    </message>
    <message>
        <source>means of n draws</source>
        <translation>medias de n extracciones</translation>
    </message>
    <message>
        <source>normal N(μ, σ²/n)</source>
        <translation>normal N(μ, σ²/n)</translation>
    </message>
    <message>
        <source>normal quantile z</source>
        <translation>cuantil normal z</translation>
    </message>
    <message>
        <source>sample quantile</source>
        <translation>cuantil muestral</translation>
    </message>
    <message>
        <source>Bivariate normal: covariance ellipse and principal axes</source>
        <translation>Normal bivariante: elipse de covarianza y ejes principales</translation>
    </message>
    <message>
        <source>95 % ellipse</source>
        <translation>elipse del 95 %</translation>
    </message>
    <message>
        <source>1st eigenvector (PC1)</source>
        <translation>1.er autovector (CP1)</translation>
    </message>
    <message>
        <source>2nd eigenvector (PC2)</source>
        <translation>2.º autovector (CP2)</translation>
    </message>
    <message>
        <source>Bayes coin: prior → posterior</source>
        <translation>Moneda bayesiana: a priori → a posteriori</translation>
    </message>
    <message>
        <source>p = P(heads)</source>
        <translation>p = P(cara)</translation>
    </message>
    <message>
        <source>prior Beta(α, β)</source>
        <translation>a priori Beta(α, β)</translation>
    </message>
    <message>
        <source>posterior</source>
        <translation>a posteriori</translation>
    </message>
    <message>
        <source>MAP</source>
        <translation>MAP</translation>
    </message>
    <message>
        <source>MLE</source>
        <translation>EMV</translation>
    </message>
    <message>
        <source>Data and fitted distributions</source>
        <translation>Datos y distribuciones ajustadas</translation>
    </message>
    <message>
        <source>data</source>
        <translation>datos</translation>
    </message>
    <message>
        <source>maximum likelihood</source>
        <translation>máxima verosimilitud</translation>
    </message>
    <message>
        <source>method of moments</source>
        <translation>método de los momentos</translation>
    </message>
    <message>
        <source>Log-likelihood</source>
        <translation>Log-verosimilitud</translation>
    </message>
    <message>
        <source>Log-likelihood contours</source>
        <translation>Curvas de nivel de la log-verosimilitud</translation>
    </message>
    <message>
        <source>theory</source>
        <translation>teoría</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>muestra</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>media</translation>
    </message>
    <message>
        <source>variance</source>
        <translation>varianza</translation>
    </message>
    <message>
        <source>skewness</source>
        <translation>asimetría</translation>
    </message>
    <message>
        <source>log L against {0}</source>
        <translation>log L frente a {0}</translation>
    </message>
</context>
<context>
    <name>DistributionsLab</name>
    <message>
        <source>{0} distribution ({1})</source>
        <translation>distribución {0} ({1})</translation>
    </message>
    <message>
        <source>mean {0}, variance {1}</source>
        <translation>media {0}, varianza {1}</translation>
    </message>
    <message>
        <source>{0} samples: mean {1}, variance {2}</source>
        <translation>{0} muestras: media {1}, varianza {2}</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>ML Math Sandbox scenes (*.mlscene);;All files (*)</source>
        <translation>Escenas de ML Math Sandbox (*.mlscene);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open scene</source>
        <translation>Abrir escena</translation>
    </message>
    <message>
        <source>Could not open {name}: {reason}</source>
        <translation>No se pudo abrir {name}: {reason}</translation>
    </message>
    <message>
        <source>Opened {name}</source>
        <translation>Abierta {name}</translation>
    </message>
    <message>
        <source>Save scene as</source>
        <translation>Guardar escena como</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}</source>
        <translation>No se pudo guardar {name}: {reason}</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>Guardada {name}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>This scene has unsaved changes. Save them first?</source>
        <translation>Esta escena tiene cambios sin guardar. ¿Guardarlos antes?</translation>
    </message>
    <message>
        <source>The autosaved work could not be restored: {reason}</source>
        <translation>No se pudo restaurar el trabajo guardado automáticamente: {reason}</translation>
    </message>
    <message>
        <source>Restored the work of {name} from before the last crash (not yet saved).</source>
        <translation>Restaurado el trabajo en {name} de antes del último cierre inesperado (aún sin guardar).</translation>
    </message>
    <message>
        <source>Restored the work from before the last crash (not yet saved).</source>
        <translation>Restaurado el trabajo de antes del último cierre inesperado (aún sin guardar).</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>¿Restaurar el trabajo sin guardar?</translation>
    </message>
    <message>
        <source>ML Math Sandbox did not close normally last time. Restore the unsaved work from then?

(If you answer No, it is kept: File → Recovered work… restores or discards it later.)</source>
        <translation>ML Math Sandbox no se cerró con normalidad la última vez. ¿Restaurar el trabajo sin guardar de entonces?

(Si respondes No, se conserva: Archivo → Trabajo recuperado… lo restaura o lo descarta más tarde.)</translation>
    </message>
    <message>
        <source>There is no recovered work.</source>
        <translation>No hay trabajo recuperado.</translation>
    </message>
    <message>
        <source>an untitled scene</source>
        <translation>una escena sin título</translation>
    </message>
    <message>
        <source>Recovered work</source>
        <translation>Trabajo recuperado</translation>
    </message>
    <message>
        <source>Work on {name}, autosaved before a crash ({count} in all).</source>
        <translation>Trabajo en {name}, guardado automáticamente antes de un cierre inesperado ({count} en total).</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Discard for good</source>
        <translation>Descartar definitivamente</translation>
    </message>
    <message>
        <source>Discarded the recovered work.</source>
        <translation>Descartado el trabajo recuperado.</translation>
    </message>
    <message>
        <source>&amp;New scene</source>
        <translation>&amp;Nueva escena</translation>
    </message>
    <message>
        <source>&amp;Open scene…</source>
        <translation>&amp;Abrir escena…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Save scene</source>
        <translation>&amp;Guardar escena</translation>
    </message>
    <message>
        <source>Save scene &amp;as…</source>
        <translation>Guardar escena &amp;como…</translation>
    </message>
    <message>
        <source>Recovered &amp;work…</source>
        <translation>&amp;Trabajo recuperado…</translation>
    </message>
    <message>
        <source>Restore or discard work autosaved before a crash</source>
        <translation>Restaurar o descartar el trabajo guardado automáticamente antes de un cierre inesperado</translation>
    </message>
    <message>
        <source>(no recent scenes)</source>
        <translation>(ninguna escena reciente)</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lecciones</translation>
    </message>
</context>
<context>
    <name>EvaluationView</name>
    <message>
        <source>{k}-fold CV (stratified, fold sizes {sizes}): accuracy {acc:.3f}, AUC {auc:.3f}</source>
        <translation>VC con {k} particiones (estratificada, tamaños {sizes}): exactitud {acc:.3f}, AUC {auc:.3f}</translation>
    </message>
    <message>
        <source>Accuracy {c:g}% Wilson interval: {lo:.3f} – {hi:.3f}</source>
        <translation>Intervalo de Wilson al {c:g} % de la exactitud: {lo:.3f} – {hi:.3f}</translation>
    </message>
    <message>
        <source>AUC {auc:.3f}, {c:g}% bootstrap interval: {lo:.3f} – {hi:.3f}</source>
        <translation>AUC {auc:.3f}, intervalo bootstrap al {c:g} %: {lo:.3f} – {hi:.3f}</translation>
    </message>
    <message>
        <source>Model A (both features) vs model B ({b} only, AUC {bauc:.3f}): McNemar exact p = {mp} (only A right: {oa}, only B right: {ob}); AUC difference {d:+.3f}, bootstrap interval {lo:+.3f} – {hi:+.3f}, p = {pp}</source>
        <translation>Modelo A (ambas variables) frente a modelo B (solo {b}, AUC {bauc:.3f}): p exacto de McNemar = {mp} (solo A acierta: {oa}, solo B acierta: {ob}); diferencia de AUC {d:+.3f}, intervalo bootstrap {lo:+.3f} – {hi:+.3f}, p = {pp}</translation>
    </message>
    <message>
        <source>{m} pure-noise feature sets: the best has AUC {auc:.3f} and raw p = {p}; {raw} pass α = {a:g} by chance. After Holm: p = {h}, {holm} pass; Bonferroni p = {b}.</source>
        <translation>{m} conjuntos de variables de puro ruido: el mejor tiene AUC {auc:.3f} y p bruto = {p}; {raw} superan α = {a:g} por azar. Tras Holm: p = {h}, {holm} superan; Bonferroni p = {b}.</translation>
    </message>
    <message>
        <source>Open this tab to evaluate the model.</source>
        <translation>Abre esta pestaña para evaluar el modelo.</translation>
    </message>
    <message>
        <source>Evaluation results</source>
        <translation>Resultados de la evaluación</translation>
    </message>
    <message>
        <source>AUC(A) − AUC(B)</source>
        <translation>AUC(A) − AUC(B)</translation>
    </message>
    <message>
        <source>noise sets, by p</source>
        <translation>conjuntos de ruido, por p</translation>
    </message>
    <message>
        <source>resamples</source>
        <translation>remuestreos</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>valor p</translation>
    </message>
    <message>
        <source>Histogram of bootstrap AUC differences, p-value shaded</source>
        <translation>Histograma de las diferencias de AUC bootstrap, con el valor p sombreado</translation>
    </message>
    <message>
        <source>p-values of the noise feature sets with α and Holm&apos;s thresholds</source>
        <translation>valores p de los conjuntos de variables de ruido con los umbrales α y de Holm</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>Evaluando…</translation>
    </message>
    <message>
        <source>evaluation failed: {0}</source>
        <translation>la evaluación falló: {0}</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>Keys move:</source>
        <translation>Las teclas mueven:</translation>
    </message>
    <message>
        <source>Arrow keys move event {0}</source>
        <translation>Las flechas mueven el suceso {0}</translation>
    </message>
    <message>
        <source>Snap to a 0.05 grid</source>
        <translation>Ajustar a una cuadrícula de 0,05</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export view as {0}</source>
        <translation>Exportar la vista como {0}</translation>
    </message>
    <message>
        <source>View to export</source>
        <translation>Vista que exportar</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>&amp;Vista:</translation>
    </message>
    <message>
        <source>Custom size</source>
        <translation>Tamaño personalizado</translation>
    </message>
    <message>
        <source>Shape on screen</source>
        <translation>Forma en pantalla</translation>
    </message>
    <message>
        <source>Export size</source>
        <translation>Tamaño de exportación</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Tamaño:</translation>
    </message>
    <message>
        <source>Width in pixels</source>
        <translation>Ancho en píxeles</translation>
    </message>
    <message>
        <source>Height in pixels</source>
        <translation>Alto en píxeles</translation>
    </message>
    <message>
        <source>&amp;Width:</source>
        <translation>&amp;Ancho:</translation>
    </message>
    <message>
        <source>&amp;Height:</source>
        <translation>A&amp;lto:</translation>
    </message>
</context>
<context>
    <name>FeaturePlane</name>
    <message>
        <source>Feature plane: points, probability shading and decision boundary</source>
        <translation>Plano de variables: puntos, sombreado de probabilidad y frontera de decisión</translation>
    </message>
</context>
<context>
    <name>Hypothesis</name>
    <message>
        <source>resampling…</source>
        <translation>remuestreando…</translation>
    </message>
    <message>
        <source>Cannot run the bootstrap test: {0}</source>
        <translation>No se puede hacer el bootstrap: {0}</translation>
    </message>
    <message>
        <source>two-sided (≠)</source>
        <translation>bilateral (≠)</translation>
    </message>
    <message>
        <source>less (&lt;)</source>
        <translation>menor (&lt;)</translation>
    </message>
    <message>
        <source>greater (&gt;)</source>
        <translation>mayor (&gt;)</translation>
    </message>
    <message>
        <source>Generated (seeded)</source>
        <translation>Generados (con semilla)</translation>
    </message>
    <message>
        <source>Typed numbers</source>
        <translation>Números escritos</translation>
    </message>
    <message>
        <source>CSV file / bundled data</source>
        <translation>Archivo CSV / datos incluidos</translation>
    </message>
    <message>
        <source>Test and significance</source>
        <translation>Contraste y significación</translation>
    </message>
    <message>
        <source>H₁: which direction of difference counts as evidence against H₀</source>
        <translation>H₁: qué dirección de la diferencia cuenta como evidencia contra H₀</translation>
    </message>
    <message>
        <source>Significance level α: the false-alarm rate you accept (drag, or use the arrow keys)</source>
        <translation>Nivel de significación α: la tasa de falsas alarmas que aceptas (arrastra o usa las flechas)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Contraste</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>μ₀: the mean under the null hypothesis</source>
        <translation>μ₀: la media bajo la hipótesis nula</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>μ₀ (H₀ mean)</source>
        <translation>μ₀ (media bajo H₀)</translation>
    </message>
    <message>
        <source>Generated samples</source>
        <translation>Muestras generadas</translation>
    </message>
    <message>
        <source>True mean of sample A&apos;s population</source>
        <translation>Media real de la población de la muestra A</translation>
    </message>
    <message>
        <source>True mean of sample B&apos;s population</source>
        <translation>Media real de la población de la muestra B</translation>
    </message>
    <message>
        <source>Population standard deviation (the known σ of the z-test)</source>
        <translation>Desviación típica de la población (la σ conocida del contraste z)</translation>
    </message>
    <message>
        <source>Size of sample A</source>
        <translation>Tamaño de la muestra A</translation>
    </message>
    <message>
        <source>Size of sample B</source>
        <translation>Tamaño de la muestra B</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>semilla</translation>
    </message>
    <message>
        <source>Seed: the same seed gives the same samples</source>
        <translation>Semilla: la misma semilla da las mismas muestras</translation>
    </message>
    <message>
        <source>New sample</source>
        <translation>Nueva muestra</translation>
    </message>
    <message>
        <source>Draw fresh samples (next seed)</source>
        <translation>Extraer muestras nuevas (semilla siguiente)</translation>
    </message>
    <message>
        <source>true μ_A</source>
        <translation>μ_A real</translation>
    </message>
    <message>
        <source>true μ_B</source>
        <translation>μ_B real</translation>
    </message>
    <message>
        <source>e.g. 4.9, 5.6 5.1 …</source>
        <translation>p. ej. 4,9 5,6 5,1 … (o 4.9, 5.6, 5.1)</translation>
    </message>
    <message>
        <source>Sample {0}: numbers separated by spaces, commas or semicolons; Enter to apply</source>
        <translation>Muestra {0}: números separados por espacios o punto y coma; Intro para aplicar</translation>
    </message>
    <message>
        <source>sample A</source>
        <translation>muestra A</translation>
    </message>
    <message>
        <source>sample B</source>
        <translation>muestra B</translation>
    </message>
    <message>
        <source>Open CSV…</source>
        <translation>Abrir CSV…</translation>
    </message>
    <message>
        <source>Classic data sets bundled with the app (work offline)</source>
        <translation>Conjuntos de datos clásicos incluidos (funcionan sin conexión)</translation>
    </message>
    <message>
        <source>no file loaded</source>
        <translation>ningún archivo cargado</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>incluidos</translation>
    </message>
    <message>
        <source>column A</source>
        <translation>columna A</translation>
    </message>
    <message>
        <source>column B</source>
        <translation>columna B</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>cargado</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Recuentos</translation>
    </message>
    <message>
        <source>Number of successes k</source>
        <translation>Número de éxitos k</translation>
    </message>
    <message>
        <source>Number of trials n</source>
        <translation>Número de ensayos n</translation>
    </message>
    <message>
        <source>p₀: the success probability under H₀</source>
        <translation>p₀: la probabilidad de éxito bajo H₀</translation>
    </message>
    <message>
        <source>successes k</source>
        <translation>éxitos k</translation>
    </message>
    <message>
        <source>trials n</source>
        <translation>ensayos n</translation>
    </message>
    <message>
        <source>Category counts</source>
        <translation>Recuentos por categoría</translation>
    </message>
    <message>
        <source>Observed count per category, e.g. 18 22 16 14 12 20; Enter to apply</source>
        <translation>Recuento observado por categoría, p. ej. 18 22 16 14 12 20; Intro para aplicar</translation>
    </message>
    <message>
        <source>blank = all equally likely</source>
        <translation>vacío = todas igual de probables</translation>
    </message>
    <message>
        <source>Expected proportion per category (summing to 1); blank = uniform</source>
        <translation>Proporción esperada por categoría (suman 1); vacío = uniforme</translation>
    </message>
    <message>
        <source>observed</source>
        <translation>observado</translation>
    </message>
    <message>
        <source>expected p</source>
        <translation>p esperada</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Permutation test (A vs B)</source>
        <translation>Contraste de permutación (A frente a B)</translation>
    </message>
    <message>
        <source>How many random relabellings to draw</source>
        <translation>Cuántos reetiquetados aleatorios extraer</translation>
    </message>
    <message>
        <source>Seed of the shuffles</source>
        <translation>Semilla de las permutaciones</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Mostrar todas</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>shuffles</source>
        <translation>permutaciones</translation>
    </message>
    <message>
        <source>Bootstrap confidence interval (sample A)</source>
        <translation>Intervalo de confianza bootstrap (muestra A)</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>media</translation>
    </message>
    <message>
        <source>median</source>
        <translation>mediana</translation>
    </message>
    <message>
        <source>standard deviation</source>
        <translation>desviación típica</translation>
    </message>
    <message>
        <source>Resamples drawn with replacement</source>
        <translation>Remuestras extraídas con reemplazo</translation>
    </message>
    <message>
        <source>At least 100 resamples: with fewer, the interval&apos;s ends (percentiles of the resampled statistics) and its standard error are not defined well.</source>
        <translation>Al menos 100 remuestras: con menos, los extremos del intervalo (percentiles de los estadísticos remuestreados) y su error estándar no quedan bien definidos.</translation>
    </message>
    <message>
        <source>Seed of the resampling</source>
        <translation>Semilla del remuestreo</translation>
    </message>
    <message>
        <source>statistic</source>
        <translation>estadístico</translation>
    </message>
    <message>
        <source>method</source>
        <translation>método</translation>
    </message>
    <message>
        <source>resamples</source>
        <translation>remuestreos</translation>
    </message>
    <message>
        <source>A/B test of two proportions</source>
        <translation>Prueba A/B de dos proporciones</translation>
    </message>
    <message>
        <source>Conversions in group A</source>
        <translation>Conversiones en el grupo A</translation>
    </message>
    <message>
        <source>Visitors in group A</source>
        <translation>Visitantes en el grupo A</translation>
    </message>
    <message>
        <source>Conversions in group B</source>
        <translation>Conversiones en el grupo B</translation>
    </message>
    <message>
        <source>Visitors in group B</source>
        <translation>Visitantes en el grupo B</translation>
    </message>
    <message>
        <source>A: conversions</source>
        <translation>A: conversiones</translation>
    </message>
    <message>
        <source>A: visitors</source>
        <translation>A: visitantes</translation>
    </message>
    <message>
        <source>B: conversions</source>
        <translation>B: conversiones</translation>
    </message>
    <message>
        <source>B: visitors</source>
        <translation>B: visitantes</translation>
    </message>
    <message>
        <source>Simulated confidence intervals</source>
        <translation>Intervalos de confianza simulados</translation>
    </message>
    <message>
        <source>How many samples (and intervals) to simulate</source>
        <translation>Cuántas muestras (e intervalos) simular</translation>
    </message>
    <message>
        <source>t (σ estimated)</source>
        <translation>t (σ estimada)</translation>
    </message>
    <message>
        <source>z (σ known)</source>
        <translation>z (σ conocida)</translation>
    </message>
    <message>
        <source>Seed of the simulation</source>
        <translation>Semilla de la simulación</translation>
    </message>
    <message>
        <source>Simulate again</source>
        <translation>Simular de nuevo</translation>
    </message>
    <message>
        <source>Samples of size n_A from N(true μ_A, σ²) — set them under Generated samples.</source>
        <translation>Muestras de tamaño n_A de N(μ_A real, σ²): fíjalas en Muestras generadas.</translation>
    </message>
    <message>
        <source>intervals</source>
        <translation>intervalos</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>Power of a one-sample test</source>
        <translation>Potencia de un contraste de una muestra</translation>
    </message>
    <message>
        <source>z-test (σ known)</source>
        <translation>contraste z (σ conocida)</translation>
    </message>
    <message>
        <source>t-test</source>
        <translation>contraste t</translation>
    </message>
    <message>
        <source>effect d</source>
        <translation>efecto d</translation>
    </message>
    <message>
        <source>test</source>
        <translation>contraste</translation>
    </message>
    <message>
        <source>Darwin&apos;s maize: cross vs self</source>
        <translation>Maíz de Darwin: cruzado frente a autofecundado</translation>
    </message>
    <message>
        <source>Anscombe&apos;s quartet: y1 vs y2</source>
        <translation>Cuarteto de Anscombe: y1 frente a y2</translation>
    </message>
    <message>
        <source>Student&apos;s sleep data: extra hours</source>
        <translation>Datos de sueño de Student: horas extra</translation>
    </message>
    <message>
        <source>Horse-kick deaths per corps-year</source>
        <translation>Muertes por coz de caballo por cuerpo y año</translation>
    </message>
    <message>
        <source>Mendel&apos;s peas: counts vs 9:3:3:1</source>
        <translation>Guisantes de Mendel: recuentos frente a 9:3:3:1</translation>
    </message>
    <message>
        <source>choose a data set…</source>
        <translation>elige un conjunto de datos…</translation>
    </message>
    <message>
        <source>Choose column A</source>
        <translation>Elegir columna A</translation>
    </message>
    <message>
        <source>Choose column B</source>
        <translation>Elegir columna B</translation>
    </message>
    <message>
        <source>Open a CSV file</source>
        <translation>Abrir un archivo CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.tsv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot use {0}: {1}</source>
        <translation>No se puede usar {0}: {1}</translation>
    </message>
    <message>
        <source>Cannot use {0}: no column holds only numbers</source>
        <translation>No se puede usar {0}: ninguna columna contiene solo números</translation>
    </message>
    <message>
        <source>Load CSV</source>
        <translation>Cargar CSV</translation>
    </message>
    <message>
        <source>Cannot load {0}: {1}</source>
        <translation>No se puede cargar {0}: {1}</translation>
    </message>
    <message>
        <source>Permutation</source>
        <translation>Permutación</translation>
    </message>
    <message>
        <source>Bootstrap CI</source>
        <translation>IC bootstrap</translation>
    </message>
    <message>
        <source>A/B test</source>
        <translation>Prueba A/B</translation>
    </message>
    <message>
        <source>Confidence intervals</source>
        <translation>Intervalos de confianza</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Potencia</translation>
    </message>
    <message>
        <source>Choose test</source>
        <translation>Elegir contraste</translation>
    </message>
    <message>
        <source>Choose alternative</source>
        <translation>Elegir alternativa</translation>
    </message>
    <message>
        <source>Choose data source</source>
        <translation>Elegir origen de datos</translation>
    </message>
    <message>
        <source>Change α</source>
        <translation>Cambiar α</translation>
    </message>
    <message>
        <source>Set μ₀</source>
        <translation>Fijar μ₀</translation>
    </message>
    <message>
        <source>Set true μ_A</source>
        <translation>Fijar μ_A real</translation>
    </message>
    <message>
        <source>Set true μ_B</source>
        <translation>Fijar μ_B real</translation>
    </message>
    <message>
        <source>Set σ</source>
        <translation>Fijar σ</translation>
    </message>
    <message>
        <source>Set n_A</source>
        <translation>Fijar n_A</translation>
    </message>
    <message>
        <source>Set n_B</source>
        <translation>Fijar n_B</translation>
    </message>
    <message>
        <source>Set seed</source>
        <translation>Fijar semilla</translation>
    </message>
    <message>
        <source>Set successes</source>
        <translation>Fijar éxitos</translation>
    </message>
    <message>
        <source>Set trials</source>
        <translation>Fijar ensayos</translation>
    </message>
    <message>
        <source>Set p₀</source>
        <translation>Fijar p₀</translation>
    </message>
    <message>
        <source>Set shuffles</source>
        <translation>Fijar permutaciones</translation>
    </message>
    <message>
        <source>Set shuffle seed</source>
        <translation>Fijar semilla de permutación</translation>
    </message>
    <message>
        <source>Set resamples</source>
        <translation>Fijar remuestras</translation>
    </message>
    <message>
        <source>Set bootstrap seed</source>
        <translation>Fijar semilla del bootstrap</translation>
    </message>
    <message>
        <source>Set A/B</source>
        <translation>Fijar A/B</translation>
    </message>
    <message>
        <source>Set interval count</source>
        <translation>Fijar número de intervalos</translation>
    </message>
    <message>
        <source>Set simulation seed</source>
        <translation>Fijar semilla de la simulación</translation>
    </message>
    <message>
        <source>observed counts</source>
        <translation>recuentos observados</translation>
    </message>
    <message>
        <source>expected proportions</source>
        <translation>proporciones esperadas</translation>
    </message>
    <message>
        <source>Change effect size</source>
        <translation>Cambiar tamaño del efecto</translation>
    </message>
    <message>
        <source>Change n</source>
        <translation>Cambiar n</translation>
    </message>
    <message>
        <source>Switch tab</source>
        <translation>Cambiar de pestaña</translation>
    </message>
    <message>
        <source>successes ({0}) cannot exceed trials ({1})</source>
        <translation>los éxitos ({0}) no pueden superar a los ensayos ({1})</translation>
    </message>
    <message>
        <source>conversions cannot exceed visitors in a group</source>
        <translation>las conversiones no pueden superar a los visitantes de un grupo</translation>
    </message>
    <message>
        <source>Change power settings</source>
        <translation>Cambiar ajustes de potencia</translation>
    </message>
    <message>
        <source>Type {0}</source>
        <translation>Escribir {0}</translation>
    </message>
    <message>
        <source>Loading the statistics library (scipy.stats)…</source>
        <translation>Cargando la biblioteca de estadística (scipy.stats)…</translation>
    </message>
    <message>
        <source>shuffling…</source>
        <translation>permutando…</translation>
    </message>
    <message>
        <source>Cannot run the permutation test: {0}</source>
        <translation>No se puede hacer el contraste de permutación: {0}</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Generated: a fair die rolled n_A times</source>
        <translation>Generados: un dado equilibrado lanzado n_A veces</translation>
    </message>
    <message>
        <source>test statistic</source>
        <translation>estadístico de contraste</translation>
    </message>
    <message>
        <source>density under H₀</source>
        <translation>densidad bajo H₀</translation>
    </message>
    <message>
        <source>null distribution (H₀ true)</source>
        <translation>distribución nula (H₀ cierta)</translation>
    </message>
    <message>
        <source>rejection region (area α)</source>
        <translation>región de rechazo (área α)</translation>
    </message>
    <message>
        <source>p-value: as or more extreme</source>
        <translation>valor p: igual o más extremo</translation>
    </message>
    <message>
        <source>observed statistic</source>
        <translation>estadístico observado</translation>
    </message>
    <message>
        <source>difference of means under shuffled labels</source>
        <translation>diferencia de medias con etiquetas permutadas</translation>
    </message>
    <message>
        <source>shuffled-label differences</source>
        <translation>diferencias con etiquetas permutadas</translation>
    </message>
    <message>
        <source>as or more extreme</source>
        <translation>igual o más extremo</translation>
    </message>
    <message>
        <source>observed difference</source>
        <translation>diferencia observada</translation>
    </message>
    <message>
        <source>statistic of a resample</source>
        <translation>estadístico de una remuestra</translation>
    </message>
    <message>
        <source>bootstrap resamples</source>
        <translation>remuestras bootstrap</translation>
    </message>
    <message>
        <source>confidence interval</source>
        <translation>intervalo de confianza</translation>
    </message>
    <message>
        <source>sample statistic</source>
        <translation>estadístico muestral</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valor</translation>
    </message>
    <message>
        <source>sample number</source>
        <translation>número de muestra</translation>
    </message>
    <message>
        <source>covers μ</source>
        <translation>cubre μ</translation>
    </message>
    <message>
        <source>misses μ</source>
        <translation>no cubre μ</translation>
    </message>
    <message>
        <source>true mean μ</source>
        <translation>media verdadera μ</translation>
    </message>
    <message>
        <source>density</source>
        <translation>densidad</translation>
    </message>
    <message>
        <source>β: miss a real effect (type II)</source>
        <translation>β: no detectar un efecto real (tipo II)</translation>
    </message>
    <message>
        <source>power: detect it</source>
        <translation>potencia: detectarlo</translation>
    </message>
    <message>
        <source>α: false alarm (type I)</source>
        <translation>α: falsa alarma (tipo I)</translation>
    </message>
    <message>
        <source>under H₀</source>
        <translation>bajo H₀</translation>
    </message>
    <message>
        <source>under H₁</source>
        <translation>bajo H₁</translation>
    </message>
</context>
<context>
    <name>HypothesisLab</name>
    <message>
        <source>Test result: reject H₀.</source>
        <translation>Resultado del contraste: se rechaza H₀.</translation>
    </message>
    <message>
        <source>Test result: H₀ not rejected.</source>
        <translation>Resultado del contraste: no se rechaza H₀.</translation>
    </message>
</context>
<context>
    <name>IconArray</name>
    <message>
        <source>Icon array of 1000 people</source>
        <translation>Matriz de iconos de 1000 personas</translation>
    </message>
</context>
<context>
    <name>Labs</name>
    <message>
        <source>Vectors</source>
        <translation>Vectores</translation>
    </message>
    <message>
        <source>Matrices</source>
        <translation>Matrices</translation>
    </message>
    <message>
        <source>Derivatives</source>
        <translation>Derivadas</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimizador</translation>
    </message>
    <message>
        <source>Distributions</source>
        <translation>Distribuciones</translation>
    </message>
    <message>
        <source>Hypothesis tests</source>
        <translation>Contrastes de hipótesis</translation>
    </message>
    <message>
        <source>Neural network</source>
        <translation>Red neuronal</translation>
    </message>
    <message>
        <source>Classifier</source>
        <translation>Clasificador</translation>
    </message>
    <message>
        <source>Decompositions</source>
        <translation>Descomposiciones</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilidad</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Language changed: the menus follow at the next start.</source>
        <translation>Idioma cambiado: los menús cambiarán en el próximo inicio.</translation>
    </message>
</context>
<context>
    <name>LeastSquaresPage</name>
    <message>
        <source>Points and their least-squares fit</source>
        <translation>Puntos y su ajuste por mínimos cuadrados</translation>
    </message>
    <message>
        <source>b, its projection Ax* and the residual r, at right angles</source>
        <translation>b, su proyección Ax* y el residuo r, en ángulo recto</translation>
    </message>
    <message>
        <source>In Rⁿ: b = Ax* + r, r ⟂ Ax*</source>
        <translation>En Rⁿ: b = Ax* + r, r ⟂ Ax*</translation>
    </message>
    <message>
        <source>Degree of the fitted polynomial</source>
        <translation>Grado del polinomio ajustado</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>constante</translation>
    </message>
    <message>
        <source>line</source>
        <translation>recta</translation>
    </message>
    <message>
        <source>quadratic</source>
        <translation>cuadrático</translation>
    </message>
    <message>
        <source>cubic</source>
        <translation>cúbico</translation>
    </message>
    <message>
        <source>Fit degree</source>
        <translation>Grado del ajuste</translation>
    </message>
    <message>
        <source>Add point</source>
        <translation>Añadir punto</translation>
    </message>
    <message>
        <source>Add a point</source>
        <translation>Añadir un punto</translation>
    </message>
    <message>
        <source>Remove point</source>
        <translation>Quitar punto</translation>
    </message>
    <message>
        <source>Remove the selected point</source>
        <translation>Quitar el punto seleccionado</translation>
    </message>
    <message>
        <source>Selected point number</source>
        <translation>Número del punto seleccionado</translation>
    </message>
    <message>
        <source>Selected point {0}</source>
        <translation>Punto seleccionado {0}</translation>
    </message>
    <message>
        <source>Least-squares results</source>
        <translation>Resultados de mínimos cuadrados</translation>
    </message>
    <message>
        <source>Least-squares warning</source>
        <translation>Aviso de mínimos cuadrados</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>Punto</translation>
    </message>
    <message>
        <source>x, y</source>
        <translation>x, y</translation>
    </message>
    <message>
        <source>Move point</source>
        <translation>Mover el punto</translation>
    </message>
    <message>
        <source>At most {0} points.</source>
        <translation>Como máximo {0} puntos.</translation>
    </message>
    <message>
        <source>There is no point to remove.</source>
        <translation>No hay ningún punto que quitar.</translation>
    </message>
    <message>
        <source>Drag point</source>
        <translation>Arrastrar punto</translation>
    </message>
    <message>
        <source>&lt;b&gt;x* = {0}&lt;/b&gt; (numpy.linalg.lstsq; coefficients of 1, x, x², …)</source>
        <translation>&lt;b&gt;x* = {0}&lt;/b&gt; (numpy.linalg.lstsq; coeficientes de 1, x, x², …)</translation>
    </message>
    <message>
        <source>QR (A = QR, R x* = Qᵀb): {0}</source>
        <translation>QR (A = QR, R x* = Qᵀb): {0}</translation>
    </message>
    <message>
        <source>Normal equations AᵀA x* = Aᵀb: {0}</source>
        <translation>Ecuaciones normales AᵀA x* = Aᵀb: {0}</translation>
    </message>
    <message>
        <source>AᵀA is singular</source>
        <translation>AᵀA es singular</translation>
    </message>
    <message>
        <source>Residual r = b − Ax*: ‖r‖² = {0}</source>
        <translation>Residuo r = b − Ax*: ‖r‖² = {0}</translation>
    </message>
    <message>
        <source>Aᵀr = {0} — r is at right angles to every column of A</source>
        <translation>Aᵀr = {0}: r es perpendicular a cada columna de A</translation>
    </message>
    <message>
        <source>cond(A) = {0}, cond(AᵀA) = {1}: QR works with A, not its square</source>
        <translation>cond(A) = {0}, cond(AᵀA) = {1}: QR trabaja con A, no con su cuadrado</translation>
    </message>
    <message>
        <source>Largest leverage: point {0}, h = {1} (orange halo; drag it far to see its pull)</source>
        <translation>Mayor apalancamiento: punto {0}, h = {1} (halo naranja; arrástralo lejos para ver su tirón)</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>Choose a lesson…</source>
        <translation>Elige una lección…</translation>
    </message>
    <message>
        <source>Open lesson file…</source>
        <translation>Abrir archivo de lección…</translation>
    </message>
    <message>
        <source>Show me</source>
        <translation>Muéstramelo</translation>
    </message>
    <message>
        <source>Load a state that meets this step&apos;s goal (undo with Ctrl+Z)</source>
        <translation>Cargar un estado que cumple el objetivo de este paso (deshacer con Ctrl+Z)</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Atrás</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>Pick a lesson above: each step loads a lab and sets a goal that ticks when met.</source>
        <translation>Elige una lección arriba: cada paso abre un laboratorio y fija un objetivo que se marca al cumplirlo.</translation>
    </message>
    <message>
        <source>Loading lessons…</source>
        <translation>Cargando lecciones…</translation>
    </message>
    <message>
        <source>The bundled lessons could not be read: {0}</source>
        <translation>No se pudieron leer las lecciones incluidas: {0}</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>Abrir lección</translation>
    </message>
    <message>
        <source>ML Math Sandbox lessons (*.mllesson);;All files (*)</source>
        <translation>Lecciones de ML Math Sandbox (*.mllesson);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Could not open lesson {0}: {1}</source>
        <translation>No se pudo abrir la lección {0}: {1}</translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <translation>Paso {0} de {1}</translation>
    </message>
    <message>
        <source>Lesson: {0}</source>
        <translation>Lección: {0}</translation>
    </message>
    <message>
        <source>Lesson: show me ({0})</source>
        <translation>Lección: muéstramelo ({0})</translation>
    </message>
    <message>
        <source>☐ Goal: {0} (cannot check: {1})</source>
        <translation>☐ Objetivo: {0} (no se puede comprobar: {1})</translation>
    </message>
    <message>
        <source>☑ Done: {0}</source>
        <translation>☑ Hecho: {0}</translation>
    </message>
    <message>
        <source>☐ Goal: {0}</source>
        <translation>☐ Objetivo: {0}</translation>
    </message>
</context>
<context>
    <name>LowRankPage</name>
    <message>
        <source>Original image, rank-k approximation and singular values</source>
        <translation>Imagen original, aproximación de rango k y valores singulares</translation>
    </message>
    <message>
        <source>original</source>
        <translation>original</translation>
    </message>
    <message>
        <source>index i</source>
        <translation>índice i</translation>
    </message>
    <message>
        <source>Singular values σᵢ (log scale): blue kept, grey discarded</source>
        <translation>Valores singulares σᵢ (escala logarítmica): azules conservados, grises descartados</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Rank k of the approximation</source>
        <translation>Rango k de la aproximación</translation>
    </message>
    <message>
        <source>Rank k, typed</source>
        <translation>Rango k, escrito</translation>
    </message>
    <message>
        <source>Open your own image…</source>
        <translation>Abrir tu propia imagen…</translation>
    </message>
    <message>
        <source>Open a PNG or JPEG image</source>
        <translation>Abrir una imagen PNG o JPEG</translation>
    </message>
    <message>
        <source>Back to the bundled picture</source>
        <translation>Volver a la imagen incluida</translation>
    </message>
    <message>
        <source>Image message</source>
        <translation>Mensaje de la imagen</translation>
    </message>
    <message>
        <source>Low-rank results</source>
        <translation>Resultados de rango bajo</translation>
    </message>
    <message>
        <source>Computing the SVD of the image…</source>
        <translation>Calculando la SVD de la imagen…</translation>
    </message>
    <message>
        <source>Cannot open {0}: {1}</source>
        <translation>No se puede abrir {0}: {1}</translation>
    </message>
    <message>
        <source>Open an image</source>
        <translation>Abrir una imagen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.pgm)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.bmp *.pgm)</translation>
    </message>
    <message>
        <source>Rank k</source>
        <translation>Rango k</translation>
    </message>
    <message>
        <source>rank {0}</source>
        <translation>rango {0}</translation>
    </message>
    <message>
        <source>the bundled picture (procedurally generated)</source>
        <translation>la imagen incluida (generada por procedimiento)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;, {1} × {2} pixels</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;, {1} × {2} píxeles</translation>
    </message>
    <message>
        <source>&lt;b&gt;k = {0}&lt;/b&gt;: stores {1} numbers instead of {2} ({3} %)</source>
        <translation>&lt;b&gt;k = {0}&lt;/b&gt;: guarda {1} números en lugar de {2} ({3} %)</translation>
    </message>
    <message>
        <source>Error ‖A − A_k‖ = √(sum of the discarded σᵢ²) = {0}</source>
        <translation>Error ‖A − A_k‖ = √(suma de los σᵢ² descartados) = {0}</translation>
    </message>
    <message>
        <source>Relative error {0} % — Eckart–Young: no rank-{1} image is closer</source>
        <translation>Error relativo {0} %. Eckart–Young: ninguna imagen de rango {1} está más cerca</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Drag the tips of u and v. Watch the sum, the dot product, the angle and the norms change live.</source>
        <translation>Arrastra las puntas de u y v. Observa cómo cambian en directo la suma, el producto escalar, el ángulo y las normas.</translation>
    </message>
    <message>
        <source>A matrix moves the plane: drag where î and ĵ land, or type the entries. The shaded square&apos;s area is the determinant.</source>
        <translation>Una matriz mueve el plano: arrastra dónde caen î y ĵ, o escribe las entradas. El área del cuadrado sombreado es el determinante.</translation>
    </message>
    <message>
        <source>Drag the point along f. The secant turns into the tangent as h shrinks; the chain rule tab multiplies local derivatives.</source>
        <translation>Arrastra el punto a lo largo de f. La secante se convierte en la tangente cuando h se reduce; la pestaña de la regla de la cadena multiplica derivadas locales.</translation>
    </message>
    <message>
        <source>Click the surface to start. Gradient descent, momentum, Adam … race downhill with PyTorch&apos;s update rules.</source>
        <translation>Haz clic en la superficie para empezar. Descenso de gradiente, momento, Adam… compiten cuesta abajo con las reglas de actualización de PyTorch.</translation>
    </message>
    <message>
        <source>Pick a distribution, draw samples, and compare the histogram with the theory. Fit it back by maximum likelihood.</source>
        <translation>Elige una distribución, extrae muestras y compara el histograma con la teoría. Ajústala de nuevo por máxima verosimilitud.</translation>
    </message>
    <message>
        <source>Run a test and see the p-value as an area under the null distribution. Move α and watch the verdict.</source>
        <translation>Haz un contraste y mira el valor p como un área bajo la distribución nula. Mueve α y observa el veredicto.</translation>
    </message>
    <message>
        <source>A model outputs probabilities: drag the threshold, watch the confusion matrix, ROC and AUC, then ask statistics whether model B is really better.</source>
        <translation>Un modelo da probabilidades: arrastra el umbral, observa la matriz de confusión, la curva ROC y el AUC, y pregunta a la estadística si el modelo B es de verdad mejor.</translation>
    </message>
    <message>
        <source>A small network learns to separate two classes. Watch the boundary, the weights and backpropagation.</source>
        <translation>Una red pequeña aprende a separar dos clases. Observa la frontera, los pesos y la retropropagación.</translation>
    </message>
    <message>
        <source>Open the {0} lab (command line: --lab {1})</source>
        <translation>Abrir el laboratorio {0} (línea de órdenes: --lab {1})</translation>
    </message>
    <message>
        <source>Lessons…</source>
        <translation>Lecciones…</translation>
    </message>
    <message>
        <source>Guided lessons for every lab (Ctrl+L)</source>
        <translation>Lecciones guiadas para cada laboratorio (Ctrl+L)</translation>
    </message>
    <message>
        <source>Autosave is off: no writable folder for user data (your work is not autosaved).</source>
        <translation>Autoguardado desactivado: no hay carpeta con permiso de escritura para los datos (tu trabajo no se guarda automáticamente).</translation>
    </message>
    <message>
        <source>Reset {0}</source>
        <translation>Restablecer {0}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Reset this &amp;lab</source>
        <translation>Restablecer este &amp;laboratorio</translation>
    </message>
    <message>
        <source>Put the lab on screen back to its defaults (undo with Ctrl+Z)</source>
        <translation>Devolver el laboratorio en pantalla a sus valores iniciales (deshacer con Ctrl+Z)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Labs</source>
        <translation>&amp;Laboratorios</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>Modo &amp;presentador</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>Tema &amp;oscuro</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>&amp;About {0}</source>
        <translation>&amp;Acerca de {0}</translation>
    </message>
    <message>
        <source>Export view as &amp;PNG…</source>
        <translation>Exportar vista como &amp;PNG…</translation>
    </message>
    <message>
        <source>Export view as S&amp;VG…</source>
        <translation>Exportar vista como S&amp;VG…</translation>
    </message>
    <message>
        <source>&amp;Copy view as image</source>
        <translation>&amp;Copiar vista como imagen</translation>
    </message>
    <message>
        <source>Export &amp;data as CSV…</source>
        <translation>Exportar &amp;datos como CSV…</translation>
    </message>
    <message>
        <source>Export &amp;handout (PDF)…</source>
        <translation>Exportar &amp;ficha (PDF)…</translation>
    </message>
    <message>
        <source>Export as note&amp;book…</source>
        <translation>Exportar como cua&amp;derno…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Show the &amp;code</source>
        <translation>Mostrar el &amp;código</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lecciones</translation>
    </message>
    <message>
        <source>Lab &amp;list</source>
        <translation>&amp;Lista de laboratorios</translation>
    </message>
    <message>
        <source>The list of labs at the left (hidden by itself when the window is small)</source>
        <translation>La lista de laboratorios a la izquierda (se oculta sola cuando la ventana es pequeña)</translation>
    </message>
    <message>
        <source>&amp;Lessons panel</source>
        <translation>Panel de &amp;lecciones</translation>
    </message>
    <message>
        <source>Open &amp;lesson file…</source>
        <translation>Abrir archivo de &amp;lección…</translation>
    </message>
    <message>
        <source>This lab has no view to export.</source>
        <translation>Este laboratorio no tiene ninguna vista que exportar.</translation>
    </message>
    <message>
        <source>Export handout</source>
        <translation>Exportar ficha</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>This lab has no data to export.</source>
        <translation>Este laboratorio no tiene datos que exportar.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>Tabla:</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export as notebook</source>
        <translation>Exportar como cuaderno</translation>
    </message>
    <message>
        <source>Jupyter notebooks (*.ipynb)</source>
        <translation>Cuadernos de Jupyter (*.ipynb)</translation>
    </message>
    <message>
        <source>Could not export {path}: {reason}</source>
        <translation>No se pudo exportar {path}: {reason}</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>Exportado {path}</translation>
    </message>
    <message>
        <source>Could not copy the view: {reason}</source>
        <translation>No se pudo copiar la vista: {reason}</translation>
    </message>
    <message>
        <source>Copied the view to the clipboard.</source>
        <translation>Vista copiada al portapapeles.</translation>
    </message>
    <message>
        <source>Could not produce the code: {reason}</source>
        <translation>No se pudo generar el código: {reason}</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>See the mathematics behind machine learning and play with it: linear algebra, calculus and optimisation, probability and statistics, and a small neural network.</source>
        <translation>Ve las matemáticas del aprendizaje automático y juega con ellas: álgebra lineal, cálculo y optimización, probabilidad y estadística, y una pequeña red neuronal.</translation>
    </message>
    <message>
        <source>Python, PySide6 (Qt), pyqtgraph, NumPy and SciPy. Works fully offline.</source>
        <translation>Python, PySide6 (Qt), pyqtgraph, NumPy y SciPy. Funciona por completo sin conexión.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Acerca de {app}</translation>
    </message>
    <message>
        <source>Internal error: {name}: {reason} (details in the log)</source>
        <translation>Error interno: {name}: {reason} (detalles en el registro)</translation>
    </message>
</context>
<context>
    <name>MarkovPage</name>
    <message>
        <source>Graph of the Markov chain; node size shows the stationary probability</source>
        <translation>Grafo de la cadena de Markov; el tamaño del nodo indica la probabilidad estacionaria</translation>
    </message>
    <message>
        <source>d</source>
        <translation>d</translation>
    </message>
    <message>
        <source>Damping factor d</source>
        <translation>Factor de amortiguación d</translation>
    </message>
    <message>
        <source>Damping factor d, typed</source>
        <translation>Factor de amortiguación d, escrito</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>pasos</translation>
    </message>
    <message>
        <source>Power iteration steps</source>
        <translation>Pasos del método de la potencia</translation>
    </message>
    <message>
        <source>Power iteration steps, typed</source>
        <translation>Pasos del método de la potencia, escritos</translation>
    </message>
    <message>
        <source>walk</source>
        <translation>paseo</translation>
    </message>
    <message>
        <source>Random walker steps</source>
        <translation>Pasos del caminante aleatorio</translation>
    </message>
    <message>
        <source>Random walker steps, typed</source>
        <translation>Pasos del caminante aleatorio, escritos</translation>
    </message>
    <message>
        <source>Edge from node</source>
        <translation>Arista desde el nodo</translation>
    </message>
    <message>
        <source>Edge to node</source>
        <translation>Arista hasta el nodo</translation>
    </message>
    <message>
        <source>Add / remove edge</source>
        <translation>Añadir / quitar arista</translation>
    </message>
    <message>
        <source>Add or remove the edge between the chosen nodes</source>
        <translation>Añadir o quitar la arista entre los nodos elegidos</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>Añadir nodo</translation>
    </message>
    <message>
        <source>Remove last node</source>
        <translation>Quitar el último nodo</translation>
    </message>
    <message>
        <source>Power iteration error per step</source>
        <translation>Error del método de la potencia por paso</translation>
    </message>
    <message>
        <source>log₁₀ ‖πₜ − π‖₁ per power-iteration step</source>
        <translation>log₁₀ ‖πₜ − π‖₁ por paso de la iteración de potencias</translation>
    </message>
    <message>
        <source>Power iteration, step {0}: {1}; ‖πₜ − π‖₁ = {2}</source>
        <translation>Iteración de potencias, paso {0}: {1}; ‖πₜ − π‖₁ = {2}</translation>
    </message>
    <message>
        <source>Markov chain warning</source>
        <translation>Aviso de la cadena de Markov</translation>
    </message>
    <message>
        <source>PageRank results</source>
        <translation>Resultados de PageRank</translation>
    </message>
    <message>
        <source>Change {0}</source>
        <translation>Cambiar {0}</translation>
    </message>
    <message>
        <source>Remove edge</source>
        <translation>Quitar arista</translation>
    </message>
    <message>
        <source>Add edge</source>
        <translation>Añadir arista</translation>
    </message>
    <message>
        <source>At most {0} nodes.</source>
        <translation>Como máximo {0} nodos.</translation>
    </message>
    <message>
        <source>A chain needs at least one node.</source>
        <translation>Una cadena necesita al menos un nodo.</translation>
    </message>
    <message>
        <source>Remove node</source>
        <translation>Quitar nodo</translation>
    </message>
    <message>
        <source>Drag node</source>
        <translation>Arrastrar nodo</translation>
    </message>
    <message>
        <source>&lt;b&gt;PageRank π = {0}&lt;/b&gt; (eigenvector of Gᵀ for eigenvalue 1)</source>
        <translation>&lt;b&gt;PageRank π = {0}&lt;/b&gt; (autovector de Gᵀ para el autovalor 1)</translation>
    </message>
    <message>
        <source>Dense solve (I − d Pᵀ) π = (1 − d)/N: {0}</source>
        <translation>Resolución directa (I − d Pᵀ) π = (1 − d)/N: {0}</translation>
    </message>
    <message>
        <source>|λ₂| = {0}: the error shrinks by about this factor each step</source>
        <translation>|λ₂| = {0}: el error se reduce más o menos en este factor en cada paso</translation>
    </message>
    <message>
        <source>A walker&apos;s {0} steps: {1}</source>
        <translation>{0} pasos de un caminante: {1}</translation>
    </message>
    <message>
        <source>Transition matrix P (row i: where node i goes):</source>
        <translation>Matriz de transición P (fila i: adónde va el nodo i):</translation>
    </message>
</context>
<context>
    <name>Matrices</name>
    <message>
        <source>custom (type or drag)</source>
        <translation>personalizada (escribe o arrastra)</translation>
    </message>
    <message>
        <source>rotation by θ</source>
        <translation>rotación de ángulo θ</translation>
    </message>
    <message>
        <source>shear</source>
        <translation>cizalla</translation>
    </message>
    <message>
        <source>scale by s</source>
        <translation>escalado por s</translation>
    </message>
    <message>
        <source>reflection across a line</source>
        <translation>reflexión respecto a una recta</translation>
    </message>
    <message>
        <source>projection onto a line</source>
        <translation>proyección sobre una recta</translation>
    </message>
    <message>
        <source>Transform the plane</source>
        <translation>Transformar el plano</translation>
    </message>
    <message>
        <source>System A x = b</source>
        <translation>Sistema A x = b</translation>
    </message>
    <message>
        <source>Row reduction</source>
        <translation>Reducción por filas</translation>
    </message>
    <message>
        <source>Animate I → A</source>
        <translation>Animar I → A</translation>
    </message>
    <message>
        <source>Matrix A (columns = where î and ĵ land)</source>
        <translation>Matriz A (columnas = dónde caen î y ĵ)</translation>
    </message>
    <message>
        <source>Snap dragged tips to a 0.5 grid</source>
        <translation>Ajustar las puntas a una cuadrícula de 0,5</translation>
    </message>
    <message>
        <source>Snap</source>
        <translation>Ajuste a la cuadrícula</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Matrices predefinidas</translation>
    </message>
    <message>
        <source>Morph the plane from I to A</source>
        <translation>Deformar el plano de I a A</translation>
    </message>
    <message>
        <source>▶ Animate I → A</source>
        <translation>▶ Animar I → A</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>cuadrícula</translation>
    </message>
    <message>
        <source>det area</source>
        <translation>área del det</translation>
    </message>
    <message>
        <source>eigenvectors</source>
        <translation>autovectores</translation>
    </message>
    <message>
        <source>Show {0}</source>
        <translation>Mostrar {0}</translation>
    </message>
    <message>
        <source>Coefficients A (one row per equation)</source>
        <translation>Coeficientes A (una fila por ecuación)</translation>
    </message>
    <message>
        <source>Edit matrix</source>
        <translation>Editar matriz</translation>
    </message>
    <message>
        <source>{0}. A stays {1}.</source>
        <translation>{0}. A sigue siendo {1}.</translation>
    </message>
    <message>
        <source>Drag {0}</source>
        <translation>Arrastrar {0}</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Predefinida</translation>
    </message>
    <message>
        <source>Preset {0}</source>
        <translation>Predefinida {0}</translation>
    </message>
    <message>
        <source>Morph t</source>
        <translation>Deformación t</translation>
    </message>
    <message>
        <source>Edit b</source>
        <translation>Editar b</translation>
    </message>
    <message>
        <source>One solution (3 equations, 3 unknowns)</source>
        <translation>Una solución (3 ecuaciones, 3 incógnitas)</translation>
    </message>
    <message>
        <source>No solution (inconsistent)</source>
        <translation>Sin solución (incompatible)</translation>
    </message>
    <message>
        <source>Infinitely many (a free variable)</source>
        <translation>Infinitas (una variable libre)</translation>
    </message>
    <message>
        <source>Fractions (2×3)</source>
        <translation>Fracciones (2×3)</translation>
    </message>
    <message>
        <source>5 equations, 5 unknowns (5×6)</source>
        <translation>5 ecuaciones, 5 incógnitas (5×6)</translation>
    </message>
    <message>
        <source>|◀ Start</source>
        <translation>|◀ Inicio</translation>
    </message>
    <message>
        <source>◀ Prev</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>End ▶|</source>
        <translation>Fin ▶|</translation>
    </message>
    <message>
        <source>Augmented matrix [A | b]</source>
        <translation>Matriz ampliada [A | b]</translation>
    </message>
    <message>
        <source>rows </source>
        <translation>filas </translation>
    </message>
    <message>
        <source>columns </source>
        <translation>columnas </translation>
    </message>
    <message>
        <source>The last (shaded) column is the right-hand side b. Integers, decimals and fractions like 2/3 are reduced exactly.</source>
        <translation>La última columna (sombreada) es el término independiente b. Los enteros, decimales y fracciones como 2/3 se reducen de forma exacta.</translation>
    </message>
    <message>
        <source>Load an example…</source>
        <translation>Cargar un ejemplo…</translation>
    </message>
    <message>
        <source>Row-reduction step</source>
        <translation>Paso de la reducción</translation>
    </message>
    <message>
        <source>Edit augmented matrix</source>
        <translation>Editar la matriz ampliada</translation>
    </message>
    <message>
        <source>{0}. The last good matrix is still used.</source>
        <translation>{0}. Se sigue usando la última matriz válida.</translation>
    </message>
    <message>
        <source>Resize augmented matrix</source>
        <translation>Cambiar el tamaño de la matriz ampliada</translation>
    </message>
    <message>
        <source>Load example</source>
        <translation>Cargar ejemplo</translation>
    </message>
    <message>
        <source>Solutions</source>
        <translation>Soluciones</translation>
    </message>
    <message>
        <source>What A does</source>
        <translation>Qué hace A</translation>
    </message>
</context>
<context>
    <name>MatricesLab</name>
    <message>
        <source>Matrix A = {0}: î lands on {1}, ĵ on {2}; det A = {3}</source>
        <translation>Matriz A = {0}: î cae en {1}, ĵ en {2}; det A = {3}</translation>
    </message>
</context>
<context>
    <name>NaiveBayesTab</name>
    <message>
        <source>Message to classify</source>
        <translation>Mensaje que clasificar</translation>
    </message>
    <message>
        <source>Type a message, e.g. &apos;free prize, call now&apos;</source>
        <translation>Escribe un mensaje, p. ej. &apos;free prize, call now&apos;</translation>
    </message>
    <message>
        <source>smoothing α</source>
        <translation>suavizado α</translation>
    </message>
    <message>
        <source>Laplace smoothing α</source>
        <translation>Suavizado de Laplace α</translation>
    </message>
    <message>
        <source>Word counts and smoothed probabilities</source>
        <translation>Recuentos de palabras y probabilidades suavizadas</translation>
    </message>
    <message>
        <source>word</source>
        <translation>palabra</translation>
    </message>
    <message>
        <source>× in msg</source>
        <translation>× en el mensaje</translation>
    </message>
    <message>
        <source>in spam</source>
        <translation>en spam</translation>
    </message>
    <message>
        <source>in ham</source>
        <translation>en ham</translation>
    </message>
    <message>
        <source>P(w|spam)</source>
        <translation>P(w|spam)</translation>
    </message>
    <message>
        <source>P(w|ham)</source>
        <translation>P(w|ham)</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Mensaje:</translation>
    </message>
    <message>
        <source>spam</source>
        <translation>spam</translation>
    </message>
    <message>
        <source>ham (not spam)</source>
        <translation>ham (no spam)</translation>
    </message>
    <message>
        <source>P(spam | message) = &lt;b&gt;{0:.6f}&lt;/b&gt; → {1}</source>
        <translation>P(spam | mensaje) = &lt;b&gt;{0:.6f}&lt;/b&gt; → {1}</translation>
    </message>
    <message>
        <source>(no known word: only the prior 40/80 speaks)</source>
        <translation>(ninguna palabra conocida: solo habla la probabilidad a priori 40/80)</translation>
    </message>
    <message>
        <source>Not in the corpus, ignored: {0}</source>
        <translation>No están en el corpus, ignoradas: {0}</translation>
    </message>
    <message>
        <source>Π P(w|c) for spam, ham = {0}; Σ log P(w|c) = {1}. Multiplying many small probabilities underflows: </source>
        <translation>Π P(w|c) para spam, ham = {0}; Σ log P(w|c) = {1}. Multiplicar muchas probabilidades pequeñas produce subdesbordamiento: </translation>
    </message>
    <message>
        <source>about {0} words like these give exactly 0.0 in float64, for both classes, so we add logs.</source>
        <translation>unas {0} palabras como estas dan exactamente 0.0 en float64, para ambas clases, así que sumamos logaritmos.</translation>
    </message>
    <message>
        <source>long messages reach 0.0 in float64, so we add logs instead.</source>
        <translation>los mensajes largos llegan a 0.0 en float64, así que sumamos logaritmos.</translation>
    </message>
    <message>
        <source>Corpus: {0} short messages ({1} {2}, {3} {4}) written for this app, CC0; {5} distinct words. P(w|c) = (count + α) / (words in c + α·{5}).</source>
        <translation>Corpus: {0} mensajes cortos ({1} {2}, {3} {4}) escritos para esta aplicación, CC0; {5} palabras distintas. P(w|c) = (recuento + α) / (palabras en c + α·{5}).</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>training point #</source>
        <translation>punto de entrenamiento n.º </translation>
    </message>
    <message>
        <source>With no hidden layer the network is logistic regression, p = σ(w·x + b): its backprop is the one-variable chain rule dL/dw = dL/dp · dp/dz · dz/dw of the Derivatives lab.</source>
        <translation>Sin capa oculta la red es una regresión logística, p = σ(w·x + b): su retropropagación es la regla de la cadena de una variable dL/dw = dL/dp · dp/dz · dz/dw del laboratorio de Derivadas.</translation>
    </message>
    <message>
        <source>Open the Derivatives lab</source>
        <translation>Abrir el laboratorio de Derivadas</translation>
    </message>
    <message>
        <source>orange (1)</source>
        <translation>naranja (1)</translation>
    </message>
    <message>
        <source>blue (0)</source>
        <translation>azul (0)</translation>
    </message>
    <message>
        <source>x = ({0}, {1}), class {2}: p = {3}, loss = {4}. Edges: width ∝ |∂L/∂w|, orange +, blue −. Click a unit for its chain rule.</source>
        <translation>x = ({0}; {1}), clase {2}: p = {3}, pérdida = {4}. Aristas: grosor ∝ |∂L/∂w|, naranja +, azul −. Haz clic en una unidad para ver su regla de la cadena.</translation>
    </message>
    <message>
        <source>Two blobs</source>
        <translation>Dos nubes</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>Círculos</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>Dos lunas</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>Espiral</translation>
    </message>
    <message>
        <source>Hand-placed / CSV</source>
        <translation>Colocados a mano / CSV</translation>
    </message>
    <message>
        <source>Log-loss (cross-entropy)</source>
        <translation>Pérdida logarítmica (entropía cruzada)</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>Error cuadrático medio</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entrenamiento</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Reproducir</translation>
    </message>
    <message>
        <source>Train continuously; press again to pause</source>
        <translation>Entrenar sin parar; pulsa de nuevo para pausar</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Train one epoch</source>
        <translation>Entrenar una época</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <source>Fresh seeded weights, epoch 0</source>
        <translation>Pesos nuevos con semilla, época 0</translation>
    </message>
    <message>
        <source>fast</source>
        <translation>rápido</translation>
    </message>
    <message>
        <source>1 epoch / frame</source>
        <translation>1 época / fotograma</translation>
    </message>
    <message>
        <source>slow: 5 epochs / s</source>
        <translation>lento: 5 épocas / s</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Pérdida de entrenamiento</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>Pérdida de prueba</translation>
    </message>
    <message>
        <source>Accuracy (train / test)</source>
        <translation>Exactitud (entrenamiento / prueba)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Draw new points and new initial weights</source>
        <translation>Generar puntos nuevos y pesos iniciales nuevos</translation>
    </message>
    <message>
        <source>Load CSV…</source>
        <translation>Cargar CSV…</translation>
    </message>
    <message>
        <source>Clear points</source>
        <translation>Borrar puntos</translation>
    </message>
    <message>
        <source>Click the plane to place a point of the chosen class, right-click for the other class, drag a point to move it, Shift+click to delete it. Filled = training, hollow = test.</source>
        <translation>Haz clic en el plano para colocar un punto de la clase elegida, clic derecho para la otra clase, arrastra un punto para moverlo, Mayús+clic para borrarlo. Relleno = entrenamiento, hueco = prueba.</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Ruido</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>Fracción de prueba</translation>
    </message>
    <message>
        <source>Place class</source>
        <translation>Clase a colocar</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>− layer</source>
        <translation>− capa</translation>
    </message>
    <message>
        <source>+ layer</source>
        <translation>+ capa</translation>
    </message>
    <message>
        <source>Units in hidden layer {0}</source>
        <translation>Unidades en la capa oculta {0}</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Activación</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimizador</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Tamaño de lote</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>pérdida (escala logarítmica)</translation>
    </message>
    <message>
        <source>training</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>Boundary, loss &amp;&amp; weights</source>
        <translation>Frontera, pérdida y pesos</translation>
    </message>
    <message>
        <source>Layers transform the plane</source>
        <translation>Las capas transforman el plano</translation>
    </message>
    <message>
        <source>Backpropagation</source>
        <translation>Retropropagación</translation>
    </message>
    <message>
        <source>Show layer step</source>
        <translation>Mostrar paso de capa</translation>
    </message>
    <message>
        <source>Change projection</source>
        <translation>Cambiar proyección</translation>
    </message>
    <message>
        <source>Choose point</source>
        <translation>Elegir punto</translation>
    </message>
    <message>
        <source>Change number of points</source>
        <translation>Cambiar número de puntos</translation>
    </message>
    <message>
        <source>Change noise</source>
        <translation>Cambiar ruido</translation>
    </message>
    <message>
        <source>Change seed</source>
        <translation>Cambiar semilla</translation>
    </message>
    <message>
        <source>New seed</source>
        <translation>Semilla nueva</translation>
    </message>
    <message>
        <source>Change test share</source>
        <translation>Cambiar fracción de prueba</translation>
    </message>
    <message>
        <source>Change activation</source>
        <translation>Cambiar activación</translation>
    </message>
    <message>
        <source>Change loss</source>
        <translation>Cambiar pérdida</translation>
    </message>
    <message>
        <source>Change optimizer</source>
        <translation>Cambiar optimizador</translation>
    </message>
    <message>
        <source>Change batch size</source>
        <translation>Cambiar tamaño de lote</translation>
    </message>
    <message>
        <source>Set layer {0} to {1} units</source>
        <translation>Poner la capa {0} a {1} unidades</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>Añadir capa</translation>
    </message>
    <message>
        <source>Remove layer</source>
        <translation>Quitar capa</translation>
    </message>
    <message>
        <source>Edit weight</source>
        <translation>Editar peso</translation>
    </message>
    <message>
        <source>Change hyperparameters</source>
        <translation>Cambiar hiperparámetros</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Atrás</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>first two units</source>
        <translation>primeras dos unidades</translation>
    </message>
    <message>
        <source>PCA projection</source>
        <translation>proyección ACP</translation>
    </message>
    <message>
        <source>How a layer with more than two units is drawn in the plane</source>
        <translation>Cómo se dibuja en el plano una capa con más de dos unidades</translation>
    </message>
    <message>
        <source>Wide layers:</source>
        <translation>Capas anchas:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {0} of {1}: {2}&lt;/b&gt; — drawn: {3}.</source>
        <translation>&lt;b&gt;Paso {0} de {1}: {2}&lt;/b&gt; — dibujado: {3}.</translation>
    </message>
    <message>
        <source> Dashed: the output unit&apos;s line w·h + b = 0 — classes on either side are linearly separated.</source>
        <translation> Discontinua: la recta de la unidad de salida w·h + b = 0; las clases a cada lado quedan separadas linealmente.</translation>
    </message>
    <message>
        <source> Slide right to push the plane through each layer.</source>
        <translation> Desliza a la derecha para pasar el plano por cada capa.</translation>
    </message>
    <message>
        <source>Hand-placed points</source>
        <translation>Puntos colocados a mano</translation>
    </message>
    <message>
        <source>Hand-placed data: a copy of the previous points — click to add, drag to move</source>
        <translation>Datos a mano: una copia de los puntos anteriores; haz clic para añadir, arrastra para mover</translation>
    </message>
    <message>
        <source>Change data set</source>
        <translation>Cambiar conjunto de datos</translation>
    </message>
    <message>
        <source>Place point</source>
        <translation>Colocar punto</translation>
    </message>
    <message>
        <source>Move point</source>
        <translation>Mover el punto</translation>
    </message>
    <message>
        <source>Delete point</source>
        <translation>Borrar punto</translation>
    </message>
    <message>
        <source>Load points</source>
        <translation>Cargar puntos</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt)</source>
        <translation>Archivos CSV (*.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <source>Cannot use this CSV: {0}</source>
        <translation>No se puede usar este CSV: {0}</translation>
    </message>
    <message>
        <source>Load CSV</source>
        <translation>Cargar CSV</translation>
    </message>
    <message>
        <source>Loaded {0} points: {1}</source>
        <translation>Cargados {0} puntos: {1}</translation>
    </message>
    <message>
        <source>no usable data</source>
        <translation>no hay datos utilizables</translation>
    </message>
    <message>
        <source>nothing to train</source>
        <translation>nada que entrenar</translation>
    </message>
    <message>
        <source>this run diverged: lower the learning rate or press Reset</source>
        <translation>este entrenamiento divergió: baja la tasa de aprendizaje o pulsa Reiniciar</translation>
    </message>
    <message>
        <source>Train part of epoch {0}</source>
        <translation>Entrenar parte de la época {0}</translation>
    </message>
    <message>
        <source>Train to epoch {0}</source>
        <translation>Entrenar hasta la época {0}</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ Pausa</translation>
    </message>
    <message>
        <source>Train until divergence</source>
        <translation>Entrenar hasta divergir</translation>
    </message>
    <message>
        <source>Reset network</source>
        <translation>Reiniciar la red</translation>
    </message>
    <message>
        <source>output</source>
        <translation>salida</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>capa {0}</translation>
    </message>
    <message>
        <source>: {0}×{1} weights (row = unit, column = input) and bias</source>
        <translation>: {0}×{1} pesos (fila = unidad, columna = entrada) y sesgo</translation>
    </message>
</context>
<context>
    <name>NetworkLab</name>
    <message>
        <source>{0}; {1} points, epoch {2}; training loss {3}, test loss {4}; accuracy (train / test) {5}</source>
        <translation>{0}; {1} puntos, época {2}; pérdida de entrenamiento {3}, pérdida de prueba {4}; exactitud (entrenamiento / prueba) {5}</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>{0}: “{1}” (character {2}) is too large</source>
        <translation>{0}: “{1}” (carácter {2}) es demasiado grande</translation>
    </message>
    <message>
        <source>{0}: “{1}” (character {2}) is not a number</source>
        <translation>{0}: “{1}” (carácter {2}) no es un número</translation>
    </message>
    <message>
        <source>“{0}” could be one number or two: type {1}.{2} for one, or {1}, {2} (with a space) for two</source>
        <translation>“{0}” puede leerse como un número o como dos: escribe {1}.{2} para uno, o {1}, {2} (con un espacio) para dos</translation>
    </message>
    <message>
        <source>“{0}” could be one number or two, as commas here also separate numbers: type {1}.{2} for one (a point for decimals), or {1}, {2} for two</source>
        <translation>“{0}” puede leerse como un número o como dos, porque aquí las comas también separan números: escribe {1}.{2} para uno (con punto decimal), o {1}, {2} para dos</translation>
    </message>
</context>
<context>
    <name>Optimizer</name>
    <message>
        <source>Fit a line</source>
        <translation>Ajustar una recta</translation>
    </message>
    <message>
        <source>Surface: {0}</source>
        <translation>Superficie: {0}</translation>
    </message>
    <message>
        <source>Formula not used: {0}</source>
        <translation>Fórmula no usada: {0}</translation>
    </message>
    <message>
        <source>Edit formula</source>
        <translation>Editar fórmula</translation>
    </message>
    <message>
        <source>Condition number</source>
        <translation>Número de condición</translation>
    </message>
    <message>
        <source>Rotate bowl</source>
        <translation>Girar el cuenco</translation>
    </message>
    <message>
        <source>Max steps</source>
        <translation>Pasos máximos</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Superposición</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>{0} settings</source>
        <translation>Ajustes de {0}</translation>
    </message>
    <message>
        <source>Scrub</source>
        <translation>Recorrer</translation>
    </message>
    <message>
        <source>Move start</source>
        <translation>Mover el inicio</translation>
    </message>
    <message>
        <source>Drag data point</source>
        <translation>Arrastrar un dato</translation>
    </message>
    <message>
        <source>New data</source>
        <translation>Datos nuevos</translation>
    </message>
    <message>
        <source>Load (x, y) data</source>
        <translation>Cargar datos (x, y)</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Archivos CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Data not loaded: {0}</source>
        <translation>Datos no cargados: {0}</translation>
    </message>
    <message>
        <source>Load data</source>
        <translation>Cargar datos</translation>
    </message>
    <message>
        <source>slope m</source>
        <translation>pendiente m</translation>
    </message>
    <message>
        <source>intercept b</source>
        <translation>ordenada en el origen b</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>Superficie</translation>
    </message>
    <message>
        <source>Explain step of</source>
        <translation>Explicar el paso de</translation>
    </message>
    <message>
        <source>e.g. (1-x)^2 + 100*(y-x^2)^2</source>
        <translation>p. ej. (1-x)^2 + 100*(y-x^2)^2</translation>
    </message>
    <message>
        <source>formula</source>
        <translation>fórmula</translation>
    </message>
    <message>
        <source>Click or drag on the surface to move the start (the star)</source>
        <translation>Haz clic o arrastra sobre la superficie para mover el inicio (la estrella)</translation>
    </message>
    <message>
        <source>start</source>
        <translation>inicio</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Restablecer vista</translation>
    </message>
    <message>
        <source>Right- or middle-drag on the surface pans, the wheel zooms; this goes back to the surface&apos;s own view</source>
        <translation>Arrastrar con el botón derecho o central desplaza, la rueda hace zoom; esto vuelve a la vista propia de la superficie</translation>
    </message>
    <message>
        <source>view</source>
        <translation>vista</translation>
    </message>
    <message>
        <source>−∇f arrows</source>
        <translation>flechas −∇f</translation>
    </message>
    <message>
        <source>Hessian eigen-axes</source>
        <translation>ejes propios de la hessiana</translation>
    </message>
    <message>
        <source>optimizer internals</source>
        <translation>estado interno del optimizador</translation>
    </message>
    <message>
        <source>Load data CSV…</source>
        <translation>Cargar datos CSV…</translation>
    </message>
    <message>
        <source>New noisy data</source>
        <translation>Nuevos datos con ruido</translation>
    </message>
    <message>
        <source>Optimizers (torch.optim rules)</source>
        <translation>Optimizadores (reglas de torch.optim)</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>Hover a name for the optimizer&apos;s current point; hover its status for how the run ended.</source>
        <translation>Pasa el ratón por un nombre para ver el punto actual del optimizador; por su estado para ver cómo terminó.</translation>
    </message>
    <message>
        <source>Explanation of the step</source>
        <translation>Explicación del paso</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>iteración</translation>
    </message>
    <message>
        <source>Loss (log scale)</source>
        <translation>Pérdida (escala log)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <source>Data (drag a point)</source>
        <translation>Datos (arrastra un punto)</translation>
    </message>
    <message>
        <source>lines: each optimizer&apos;s (m, b)</source>
        <translation>rectas: el (m, b) de cada optimizador</translation>
    </message>
</context>
<context>
    <name>OptimizerLab</name>
    <message>
        <source>No surface: {0}</source>
        <translation>Sin superficie: {0}</translation>
    </message>
    <message>
        <source>Surface {0}; start {1}.</source>
        <translation>Superficie {0}; inicio {1}.</translation>
    </message>
    <message>
        <source>{0}: {1}, {2}.</source>
        <translation>{0}: {1}, {2}.</translation>
    </message>
</context>
<context>
    <name>OutcomeGrid</name>
    <message>
        <source>Sample space: one cell per equally likely outcome</source>
        <translation>Espacio muestral: una casilla por resultado equiprobable</translation>
    </message>
    <message>
        <source>{0}: A = {1} ({2} cells, filled), B = {3} ({4} cells, hatched), both: {5} cells.</source>
        <translation>{0}: A = {1} ({2} casillas, relleno), B = {3} ({4} casillas, rayado), ambos: {5} casillas.</translation>
    </message>
</context>
<context>
    <name>OutcomesTab</name>
    <message>
        <source>Every cell is one equally likely outcome: P(event) = cells in it / all cells. A is filled, B is hatched.</source>
        <translation>Cada casilla es un resultado equiprobable: P(suceso) = casillas del suceso / todas las casillas. A va relleno, B rayado.</translation>
    </message>
    <message>
        <source>Probabilities = counts of outcomes</source>
        <translation>Probabilidades = recuentos de resultados</translation>
    </message>
</context>
<context>
    <name>PcaPage</name>
    <message>
        <source>Scree plot and biplot of the first two principal components</source>
        <translation>Gráfico de sedimentación y biplot de las dos primeras componentes principales</translation>
    </message>
    <message>
        <source>component</source>
        <translation>componente</translation>
    </message>
    <message>
        <source>share of variance</source>
        <translation>proporción de varianza</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <source>Palmer penguins (4 measurements)</source>
        <translation>Pingüinos de Palmer (4 medidas)</translation>
    </message>
    <message>
        <source>Fisher&apos;s iris flowers</source>
        <translation>Flores iris de Fisher</translation>
    </message>
    <message>
        <source>Standardise each column</source>
        <translation>Estandarizar cada columna</translation>
    </message>
    <message>
        <source>Divide each column by its spread, so that no unit dominates</source>
        <translation>Divide cada columna por su dispersión, para que ninguna unidad domine</translation>
    </message>
    <message>
        <source>Standardise the columns</source>
        <translation>Estandarizar las columnas</translation>
    </message>
    <message>
        <source>Standardise</source>
        <translation>Estandarizar</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>Number of components kept</source>
        <translation>Número de componentes conservadas</translation>
    </message>
    <message>
        <source>Number of components kept, typed</source>
        <translation>Número de componentes conservadas, escrito</translation>
    </message>
    <message>
        <source>Row to rebuild</source>
        <translation>Fila que reconstruir</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Open your own CSV…</source>
        <translation>Abrir tu propio CSV…</translation>
    </message>
    <message>
        <source>Open a CSV file of numeric columns</source>
        <translation>Abrir un archivo CSV de columnas numéricas</translation>
    </message>
    <message>
        <source>Back to the bundled data</source>
        <translation>Volver a los datos incluidos</translation>
    </message>
    <message>
        <source>PCA warning</source>
        <translation>Aviso del ACP</translation>
    </message>
    <message>
        <source>PCA results</source>
        <translation>Resultados del ACP</translation>
    </message>
    <message>
        <source>Rebuild row</source>
        <translation>Reconstruir fila</translation>
    </message>
    <message>
        <source>Cannot use {0}: {1}</source>
        <translation>No se puede usar {0}: {1}</translation>
    </message>
    <message>
        <source>Open CSV</source>
        <translation>Abrir CSV</translation>
    </message>
    <message>
        <source>Open a CSV file</source>
        <translation>Abrir un archivo CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt)</source>
        <translation>Archivos CSV (*.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <source>Components kept</source>
        <translation>Componentes conservadas</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your file {0}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tu archivo {0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} rows&lt;/b&gt; ({1} dropped for a missing value); columns: {2}</source>
        <translation>&lt;b&gt;{0} filas&lt;/b&gt; ({1} descartadas por un valor vacío); columnas: {2}</translation>
    </message>
    <message>
        <source>Explained variance: {0}</source>
        <translation>Varianza explicada: {0}</translation>
    </message>
    <message>
        <source>&lt;b&gt;First {0} component(s) keep {1} %&lt;/b&gt; of the variance</source>
        <translation>&lt;b&gt;Las primeras {0} componente(s) conservan el {1} %&lt;/b&gt; de la varianza</translation>
    </message>
    <message>
        <source>Row {0} ({1}): {2}</source>
        <translation>Fila {0} ({1}): {2}</translation>
    </message>
    <message>
        <source>rebuilt from {0} component(s): {1}</source>
        <translation>reconstruida con {0} componente(s): {1}</translation>
    </message>
    <message>
        <source>Unstandardised: the column with the biggest numbers (e.g. grams) dominates PC1.</source>
        <translation>Sin estandarizar: la columna con los números más grandes (p. ej. gramos) domina la CP1.</translation>
    </message>
</context>
<context>
    <name>Pen</name>
    <message>
        <source>Pen</source>
        <translation>Lápiz</translation>
    </message>
    <message>
        <source>&amp;Pen</source>
        <translation>&amp;Lápiz</translation>
    </message>
    <message>
        <source>Draw thin lines over the lab</source>
        <translation>Dibuja líneas finas sobre el laboratorio</translation>
    </message>
    <message>
        <source>&amp;Highlighter</source>
        <translation>&amp;Rotulador</translation>
    </message>
    <message>
        <source>Draw wide see-through strokes</source>
        <translation>Dibuja trazos anchos y transparentes</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>&amp;Goma</translation>
    </message>
    <message>
        <source>Drag over a stroke to remove it</source>
        <translation>Arrastra sobre un trazo para borrarlo</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Limpiar</translation>
    </message>
    <message>
        <source>Wipe all ink off this lab</source>
        <translation>Borra toda la tinta de este laboratorio</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Hecho</translation>
    </message>
    <message>
        <source>Stop drawing: clicks reach the lab again (ink hides)</source>
        <translation>Deja de dibujar: los clics vuelven al laboratorio (la tinta se oculta)</translation>
    </message>
    <message>
        <source>Annotate with &amp;pen</source>
        <translation>Anotar con el &amp;lápiz</translation>
    </message>
    <message>
        <source>Draw over the lab to point things out (not saved in the scene)</source>
        <translation>Dibuja sobre el laboratorio para señalar cosas (no se guarda en la escena)</translation>
    </message>
</context>
<context>
    <name>PenLayer</name>
    <message>
        <source>Pen drawing layer</source>
        <translation>Capa de dibujo del lápiz</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Preferences reset to the defaults.</source>
        <translation>Preferencias restablecidas a los valores predeterminados.</translation>
    </message>
    <message>
        <source>Reset &amp;preferences</source>
        <translation>Restablecer &amp;preferencias</translation>
    </message>
    <message>
        <source>Forget the remembered theme, window layout, folders and recent lessons</source>
        <translation>Olvida el tema, la disposición de la ventana, las carpetas y las lecciones recientes recordados</translation>
    </message>
</context>
<context>
    <name>ProbabilityLab</name>
    <message>
        <source>Probability lab parts</source>
        <translation>Partes del laboratorio de probabilidad</translation>
    </message>
    <message>
        <source>Events and areas</source>
        <translation>Sucesos y áreas</translation>
    </message>
    <message>
        <source>Dice, cards, coins</source>
        <translation>Dados, cartas, monedas</translation>
    </message>
    <message>
        <source>Bayes: base rates</source>
        <translation>Bayes: tasas base</translation>
    </message>
    <message>
        <source>Naive Bayes</source>
        <translation>Bayes ingenuo</translation>
    </message>
    <message>
        <source>Snap</source>
        <translation>Ajuste a la cuadrícula</translation>
    </message>
    <message>
        <source>Second test</source>
        <translation>Segunda prueba</translation>
    </message>
    <message>
        <source>Drag {0}</source>
        <translation>Arrastrar {0}</translation>
    </message>
    <message>
        <source>Resize {0}</source>
        <translation>Cambiar el tamaño de {0}</translation>
    </message>
    <message>
        <source>Move {0}</source>
        <translation>Mover {0}</translation>
    </message>
    <message>
        <source>Set {0}</source>
        <translation>Fijar {0}</translation>
    </message>
    <message>
        <source>Type message</source>
        <translation>Escribir mensaje</translation>
    </message>
    <message>
        <source>Medical test: nobody tests positive, so P(disease | positive) is undefined.</source>
        <translation>Prueba médica: nadie da positivo, así que P(enfermedad | positivo) no está definida.</translation>
    </message>
    <message>
        <source>Medical test: prevalence {0:.1%}, sensitivity {1:.0%}, specificity {2:.0%}. Of 1000 people {3} test positive, {4} of them sick: P(disease | positive) = {5:.4f}.</source>
        <translation>Prueba médica: prevalencia {0:.1%}, sensibilidad {1:.0%}, especificidad {2:.0%}. De 1000 personas {3} dan positivo, {4} de ellas enfermas: P(enfermedad | positivo) = {5:.4f}.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Naive Bayes: message “{0}”: P(spam) = {1:.4f}; words pushing towards spam: {2}.</source>
        <translation>Bayes ingenuo: mensaje «{0}»: P(spam) = {1:.4f}; palabras que empujan hacia spam: {2}.</translation>
    </message>
    <message>
        <source>independent</source>
        <translation>independientes</translation>
    </message>
    <message>
        <source>dependent</source>
        <translation>dependientes</translation>
    </message>
    <message>
        <source>{0}: A = {1}, B = {2}. P(A) = {3}, P(B) = {4}, P(A∩B) = {5}, P(A|B) = {6}: {7}. In {8} trials A came up {9} times.</source>
        <translation>{0}: A = {1}, B = {2}. P(A) = {3}, P(B) = {4}, P(A∩B) = {5}, P(A|B) = {6}: {7}. En {8} ensayos A salió {9} veces.</translation>
    </message>
    <message>
        <source>Event A = [{0:.2f}, {1:.2f}] × [{2:.2f}, {3:.2f}], B = [{4:.2f}, {5:.2f}] × [{6:.2f}, {7:.2f}]. P(A) = {8}, P(B) = {9}, P(A∩B) = {10}, P(A|B) = {11}: {12}.</source>
        <translation>Suceso A = [{0:.2f}; {1:.2f}] × [{2:.2f}; {3:.2f}], B = [{4:.2f}; {5:.2f}] × [{6:.2f}; {7:.2f}]. P(A) = {8}, P(B) = {9}, P(A∩B) = {10}, P(A|B) = {11}: {12}.</translation>
    </message>
    <message>
        <source>A and B are disjoint.</source>
        <translation>A y B son incompatibles.</translation>
    </message>
    <message>
        <source>A and B are independent.</source>
        <translation>A y B son independientes.</translation>
    </message>
    <message>
        <source>A and B are dependent.</source>
        <translation>A y B son dependientes.</translation>
    </message>
    <message>
        <source>undefined (P(B) = 0)</source>
        <translation>no definida (P(B) = 0)</translation>
    </message>
</context>
<context>
    <name>Readouts</name>
    <message>
        <source>Probabilities = areas</source>
        <translation>Probabilidades = áreas</translation>
    </message>
    <message>
        <source>P(A)</source>
        <translation>P(A)</translation>
    </message>
    <message>
        <source>P(B)</source>
        <translation>P(B)</translation>
    </message>
    <message>
        <source>P(A∩B)</source>
        <translation>P(A∩B)</translation>
    </message>
    <message>
        <source>P(A∪B)</source>
        <translation>P(A∪B)</translation>
    </message>
    <message>
        <source>P(Aᶜ)</source>
        <translation>P(Aᶜ)</translation>
    </message>
    <message>
        <source>P(A|B)</source>
        <translation>P(A|B)</translation>
    </message>
    <message>
        <source>P(B|A)</source>
        <translation>P(B|A)</translation>
    </message>
    <message>
        <source>P(A)·P(B)</source>
        <translation>P(A)·P(B)</translation>
    </message>
    <message>
        <source>the overlap of A and B</source>
        <translation>la intersección de A y B</translation>
    </message>
    <message>
        <source>P(A) + P(B) − P(A∩B)</source>
        <translation>P(A) + P(B) − P(A∩B)</translation>
    </message>
    <message>
        <source>1 − P(A)</source>
        <translation>1 − P(A)</translation>
    </message>
    <message>
        <source>P(A∩B) / P(B): the share of B that is also A</source>
        <translation>P(A∩B) / P(B): la parte de B que también es A</translation>
    </message>
    <message>
        <source>P(A∩B) / P(A)</source>
        <translation>P(A∩B) / P(A)</translation>
    </message>
    <message>
        <source>equals P(A∩B) exactly when A and B are independent</source>
        <translation>es igual a P(A∩B) exactamente cuando A y B son independientes</translation>
    </message>
    <message>
        <source>&lt;b&gt;exact&lt;/b&gt;</source>
        <translation>&lt;b&gt;exacto&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;simulated&lt;/b&gt;</source>
        <translation>&lt;b&gt;simulado&lt;/b&gt;</translation>
    </message>
    <message>
        <source>P(A∪B) = P(A) + P(B) − P(A∩B);  P(Aᶜ) = 1 − P(A);  P(A|B) = P(A∩B) / P(B).</source>
        <translation>P(A∪B) = P(A) + P(B) − P(A∩B);  P(Aᶜ) = 1 − P(A);  P(A|B) = P(A∩B) / P(B).</translation>
    </message>
    <message>
        <source>B has probability 0: P(A|B) is undefined (there is nothing to condition on).</source>
        <translation>B tiene probabilidad 0: P(A|B) no está definida (no hay nada sobre lo que condicionar).</translation>
    </message>
    <message>
        <source>A and B are disjoint, so they are dependent (unless one has probability 0).</source>
        <translation>A y B son incompatibles, así que son dependientes (salvo que uno tenga probabilidad 0).</translation>
    </message>
    <message>
        <source>Independent: P(A∩B) = P(A)·P(B), so P(A|B) = P(A).</source>
        <translation>Independientes: P(A∩B) = P(A)·P(B), así que P(A|B) = P(A).</translation>
    </message>
    <message>
        <source>Dependent: P(A∩B) ≠ P(A)·P(B); knowing B changes the chance of A.</source>
        <translation>Dependientes: P(A∩B) ≠ P(A)·P(B); saber B cambia la probabilidad de A.</translation>
    </message>
</context>
<context>
    <name>RollControls</name>
    <message>
        <source>Simulation: repeat the experiment n times</source>
        <translation>Simulación: repite el experimento n veces</translation>
    </message>
    <message>
        <source>Number of trials n</source>
        <translation>Número de ensayos n</translation>
    </message>
    <message>
        <source>Set n</source>
        <translation>Fijar n</translation>
    </message>
    <message>
        <source>n =</source>
        <translation>n =</translation>
    </message>
    <message>
        <source>Repeat {0} times</source>
        <translation>Repetir {0} veces</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>Semilla aleatoria</translation>
    </message>
    <message>
        <source>Set seed</source>
        <translation>Fijar semilla</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Otra vez</translation>
    </message>
    <message>
        <source>Repeat again with the next seed</source>
        <translation>Repetir de nuevo con la semilla siguiente</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>semilla</translation>
    </message>
    <message>
        <source> … and {0} more</source>
        <translation> … y {0} más</translation>
    </message>
    <message>
        <source>First outcomes: {0}{1}</source>
        <translation>Primeros resultados: {0}{1}</translation>
    </message>
    <message>
        <source>No trials yet.</source>
        <translation>Aún no hay ensayos.</translation>
    </message>
    <message>
        <source>With n = {0}, freq(A) lands in [{1}, {2}] for 99.99 % of seeds.</source>
        <translation>Con n = {0}, frec(A) cae en [{1}; {2}] para el 99,99 % de las semillas.</translation>
    </message>
</context>
<context>
    <name>SigmoidView</name>
    <message>
        <source>score z = b₀ + b·x</source>
        <translation>puntuación z = b₀ + b·x</translation>
    </message>
    <message>
        <source>p = σ(z)</source>
        <translation>p = σ(z)</translation>
    </message>
    <message>
        <source>Sigmoid of the score with the draggable threshold line</source>
        <translation>Sigmoide de la puntuación con la línea de umbral arrastrable</translation>
    </message>
</context>
<context>
    <name>SimulationControls</name>
    <message>
        <source>Simulation: throw random points</source>
        <translation>Simulación: lanza puntos al azar</translation>
    </message>
    <message>
        <source>Throw points</source>
        <translation>Lanzar puntos</translation>
    </message>
    <message>
        <source>The first 2 000 points are drawn; all n are counted.</source>
        <translation>Se dibujan los primeros 2 000 puntos; se cuentan los n.</translation>
    </message>
    <message>
        <source>Number of points n</source>
        <translation>Número de puntos n</translation>
    </message>
    <message>
        <source>Set n</source>
        <translation>Fijar n</translation>
    </message>
    <message>
        <source>n =</source>
        <translation>n =</translation>
    </message>
    <message>
        <source>Throw {0} points</source>
        <translation>Lanzar {0} puntos</translation>
    </message>
    <message>
        <source>Random seed</source>
        <translation>Semilla aleatoria</translation>
    </message>
    <message>
        <source>Set seed</source>
        <translation>Fijar semilla</translation>
    </message>
    <message>
        <source>Throw again</source>
        <translation>Lanzar de nuevo</translation>
    </message>
    <message>
        <source>Throw again with the next seed</source>
        <translation>Lanzar de nuevo con la semilla siguiente</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>semilla</translation>
    </message>
    <message>
        <source>With n = {0}, freq(A) lands in [{1}, {2}] for 99.99 % of seeds.</source>
        <translation>Con n = {0}, frec(A) cae en [{1}; {2}] para el 99,99 % de las semillas.</translation>
    </message>
</context>
<context>
    <name>SpaceControls</name>
    <message>
        <source>Sample space and events</source>
        <translation>Espacio muestral y sucesos</translation>
    </message>
    <message>
        <source>Sample space</source>
        <translation>Espacio muestral</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Event A (filled)</source>
        <translation>Suceso A (relleno)</translation>
    </message>
    <message>
        <source>Event B (hatched)</source>
        <translation>Suceso B (rayado)</translation>
    </message>
    <message>
        <source>Choose sample space</source>
        <translation>Elegir el espacio muestral</translation>
    </message>
    <message>
        <source>Choose event {0}</source>
        <translation>Elegir el suceso {0}</translation>
    </message>
</context>
<context>
    <name>SquareView</name>
    <message>
        <source>Sample space with events A and B</source>
        <translation>Espacio muestral con los sucesos A y B</translation>
    </message>
    <message>
        <source>Arrow keys move the selected event (Ctrl: coarse), Shift+arrow keys resize it; Enter keeps, Escape puts it back; press A or B to select an event.</source>
        <translation>Las flechas mueven el suceso seleccionado (Ctrl: pasos grandes), Mayús+flechas cambian su tamaño; Intro confirma, Escape lo devuelve a su sitio; pulsa A o B para seleccionar un suceso.</translation>
    </message>
</context>
<context>
    <name>Surface3D</name>
    <message>
        <source>The 3-D view opens when this tab is shown.</source>
        <translation>La vista 3D se abre cuando se muestra esta pestaña.</translation>
    </message>
    <message>
        <source>3-D view unavailable: this session has no OpenGL display (offscreen).</source>
        <translation>Vista 3D no disponible: esta sesión no tiene pantalla OpenGL (offscreen).</translation>
    </message>
    <message>
        <source>3-D view unavailable: OpenGL could not start ({0}).</source>
        <translation>Vista 3D no disponible: OpenGL no pudo arrancar ({0}).</translation>
    </message>
    <message>
        <source>Drag to rotate, wheel to zoom. Heights are the display-compressed loss.</source>
        <translation>Arrastra para girar, rueda para acercar. Las alturas son la pérdida comprimida para mostrarla.</translation>
    </message>
    <message>
        <source>The contour view on the first tab shows the same surface from above.</source>
        <translation>La vista de contornos de la primera pestaña muestra la misma superficie desde arriba.</translation>
    </message>
</context>
<context>
    <name>SvdPage</name>
    <message>
        <source>Unit circle and its image under A</source>
        <translation>La circunferencia unidad y su imagen por A</translation>
    </message>
    <message>
        <source>Matrix size</source>
        <translation>Tamaño de la matriz</translation>
    </message>
    <message>
        <source>3 × 3 (the picture shows the x–y plane)</source>
        <translation>3 × 3 (la imagen muestra el plano x–y)</translation>
    </message>
    <message>
        <source>Matrix A</source>
        <translation>Matriz A</translation>
    </message>
    <message>
        <source>Matrix entry error</source>
        <translation>Error en una entrada de la matriz</translation>
    </message>
    <message>
        <source>SVD warning</source>
        <translation>Aviso de la SVD</translation>
    </message>
    <message>
        <source>SVD results</source>
        <translation>Resultados de la SVD</translation>
    </message>
    <message>
        <source>entries must be between −1000 and 1000</source>
        <translation>las entradas deben estar entre −1000 y 1000</translation>
    </message>
    <message>
        <source>Edit matrix</source>
        <translation>Editar matriz</translation>
    </message>
    <message>
        <source>{0}. A keeps its last good entries.</source>
        <translation>{0}. A conserva sus últimas entradas válidas.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Singular values σ = {0}&lt;/b&gt; (numpy.linalg.svd)</source>
        <translation>&lt;b&gt;Valores singulares σ = {0}&lt;/b&gt; (numpy.linalg.svd)</translation>
    </message>
    <message>
        <source>A = U Σ Vᵀ: turn by Vᵀ, stretch by σ, turn by U. A v_i = σ_i u_i.</source>
        <translation>A = U Σ Vᵀ: gira con Vᵀ, estira con σ, gira con U. A v_i = σ_i u_i.</translation>
    </message>
    <message>
        <source>rank {0}; condition number σ₁/σₙ = {1}; det A = {2}</source>
        <translation>rango {0}; número de condición σ₁/σₙ = {1}; det A = {2}</translation>
    </message>
    <message>
        <source>|det A| = product of the σ: {0}</source>
        <translation>|det A| = producto de las σ: {0}</translation>
    </message>
    <message>
        <source>Pseudo-inverse A⁺ = V Σ⁺ Uᵀ:</source>
        <translation>Pseudoinversa A⁺ = V Σ⁺ Uᵀ:</translation>
    </message>
</context>
<context>
    <name>TreeView</name>
    <message>
        <source>Probability tree of the medical test</source>
        <translation>Árbol de probabilidad de la prueba médica</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>todos</translation>
    </message>
    <message>
        <source>sick</source>
        <translation>enfermos</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>sanos</translation>
    </message>
    <message>
        <source>true +</source>
        <translation>verdadero +</translation>
    </message>
    <message>
        <source>false −</source>
        <translation>falso −</translation>
    </message>
    <message>
        <source>false +</source>
        <translation>falso +</translation>
    </message>
    <message>
        <source>true −</source>
        <translation>verdadero −</translation>
    </message>
</context>
<context>
    <name>Vectors</name>
    <message>
        <source>u + v  (parallelogram)</source>
        <translation>u + v  (paralelogramo)</translation>
    </message>
    <message>
        <source>a·u + b·v  and the span of u, v</source>
        <translation>a·u + b·v  y el subespacio generado por u, v</translation>
    </message>
    <message>
        <source>projection of u onto v</source>
        <translation>proyección de u sobre v</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>L1 (diamond, lasso)</source>
        <translation>L1 (rombo, lasso)</translation>
    </message>
    <message>
        <source>L2 (circle, ridge)</source>
        <translation>L2 (círculo, ridge)</translation>
    </message>
    <message>
        <source>L∞ (square)</source>
        <translation>L∞ (cuadrado)</translation>
    </message>
    <message>
        <source>angle θ</source>
        <translation>ángulo θ</translation>
    </message>
    <message>
        <source>proj of u on v</source>
        <translation>proyección de u sobre v</translation>
    </message>
    <message>
        <source>area u × v</source>
        <translation>área u × v</translation>
    </message>
    <message>
        <source>Vectors (drag the tips, or type)</source>
        <translation>Vectores (arrastra las puntas o escribe)</translation>
    </message>
    <message>
        <source>+ Add vector</source>
        <translation>+ Añadir vector</translation>
    </message>
    <message>
        <source>Add another draggable vector (up to {0})</source>
        <translation>Añadir otro vector arrastrable (hasta {0})</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Restablecer vista</translation>
    </message>
    <message>
        <source>Snap tips to the integer grid</source>
        <translation>Ajustar las puntas a la cuadrícula entera</translation>
    </message>
    <message>
        <source>Remove {0}</source>
        <translation>Quitar {0}</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show {0}</source>
        <translation>Mostrar {0}</translation>
    </message>
    <message>
        <source>Unit ball:</source>
        <translation>Bola unidad:</translation>
    </message>
    <message>
        <source>The set of vectors of length 1 in each norm: the shapes behind L1/L2 regularisation</source>
        <translation>El conjunto de vectores de longitud 1 en cada norma: las formas detrás de la regularización L1/L2</translation>
    </message>
    <message>
        <source>Readouts</source>
        <translation>Lecturas</translation>
    </message>
</context>
<context>
    <name>VectorsLab</name>
    <message>
        <source>Reset view</source>
        <translation>Restablecer vista</translation>
    </message>
    <message>
        <source>Snap</source>
        <translation>Ajuste a la cuadrícula</translation>
    </message>
    <message>
        <source>Drag {0}</source>
        <translation>Arrastrar {0}</translation>
    </message>
    <message>
        <source>Set {0}</source>
        <translation>Fijar {0}</translation>
    </message>
    <message>
        <source>At most {0} vectors: remove one first</source>
        <translation>Como máximo {0} vectores: quita uno primero</translation>
    </message>
    <message>
        <source>Add vector</source>
        <translation>Añadir vector</translation>
    </message>
    <message>
        <source>Remove {0}</source>
        <translation>Quitar {0}</translation>
    </message>
    <message>
        <source>Unit ball</source>
        <translation>Bola unidad</translation>
    </message>
    <message>
        <source>Vectors {0}</source>
        <translation>Vectores {0}</translation>
    </message>
    <message>
        <source>angle {0}°</source>
        <translation>ángulo {0}°</translation>
    </message>
    <message>
        <source>u·v = {0}</source>
        <translation>u·v = {0}</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <source>a formula in {0}, e.g. sin(x)*exp(-x^2/5)</source>
        <translation>una fórmula en {0}, p. ej. sin(x)*exp(-x^2/5)</translation>
    </message>
    <message>
        <source>Numbers, + − * / ^, parentheses, pi, e and sin cos tan exp log sqrt abs tanh sigmoid relu softplus min max. Write 2x or 2*x; x*y needs the *.</source>
        <translation>Números, + − * / ^, paréntesis, pi, e y sin cos tan exp log sqrt abs tanh sigmoid relu softplus min max. Escribe 2x o 2*x; x*y necesita el *.</translation>
    </message>
    <message>
        <source>{0} (character {1})</source>
        <translation>{0} (carácter {1})</translation>
    </message>
    <message>
        <source>type a number from {0} to {1}</source>
        <translation>escribe un número de {0} a {1}</translation>
    </message>
    <message>
        <source>Not accepted: {0}</source>
        <translation>No aceptado: {0}</translation>
    </message>
    <message>
        <source>Type a number such as 3, -1.5 or 2/3, then Enter</source>
        <translation>Escribe un número como 3, -1.5 o 2/3 y pulsa Intro</translation>
    </message>
    <message>
        <source>Row {0}, column {1}: {2}</source>
        <translation>Fila {0}, columna {1}: {2}</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>Reproducir / pausa (Espacio)</translation>
    </message>
    <message>
        <source>One step back</source>
        <translation>Un paso atrás</translation>
    </message>
    <message>
        <source>One step forward</source>
        <translation>Un paso adelante</translation>
    </message>
    <message>
        <source>Step of the run</source>
        <translation>Paso de la ejecución</translation>
    </message>
    <message>
        <source>step {0} / {1}</source>
        <translation>paso {0} / {1}</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Velocidad de reproducción</translation>
    </message>
</context>
<context>
    <name>WordBars</name>
    <message>
        <source>How much each word pushed the message towards spam or ham</source>
        <translation>Cuánto empujó cada palabra el mensaje hacia spam o ham</translation>
    </message>
    <message>
        <source>log likelihood ratio  (← ham · spam →)</source>
        <translation>log del cociente de verosimilitudes  (← ham · spam →)</translation>
    </message>
</context>
<context>
    <name>calculus</name>
    <message>
        <source>Smallest error at h ≈ {0} (forward) and {1} (central): smaller h loses digits to round-off.</source>
        <translation>Error mínimo en h ≈ {0} (progresiva) y {1} (centrada): una h más pequeña pierde cifras por redondeo.</translation>
    </message>
    <message>
        <source>f′(x₀) is undefined here, so there is no error to measure.</source>
        <translation>f′(x₀) no está definida aquí, así que no hay error que medir.</translation>
    </message>
    <message>
        <source>not differentiable here</source>
        <translation>no derivable aquí</translation>
    </message>
    <message>
        <source>Sigmoid σ(x)</source>
        <translation>Sigmoide σ(x)</translation>
    </message>
    <message>
        <source>Log-loss −log σ(x)</source>
        <translation>Pérdida logarítmica −log σ(x)</translation>
    </message>
    <message>
        <source>Squared error (x − 1)²</source>
        <translation>Error cuadrático (x − 1)²</translation>
    </message>
    <message>
        <source>Damped wave</source>
        <translation>Onda amortiguada</translation>
    </message>
</context>
<context>
    <name>classify</name>
    <message>
        <source>undefined</source>
        <translation>indefinido</translation>
    </message>
    <message>
        <source>intercept</source>
        <translation>intercepto</translation>
    </message>
    <message>
        <source>log-loss (NLL) on {0} training points: {1} (mean {2})</source>
        <translation>pérdida logarítmica (NLL) en {0} puntos de entrenamiento: {1} (media {2})</translation>
    </message>
    <message>
        <source>L2 penalty λ = {0} on the standardised slopes: SEs are from the penalised Hessian</source>
        <translation>penalización L2 λ = {0} sobre las pendientes estandarizadas: los EE salen de la hessiana penalizada</translation>
    </message>
    <message>
        <source>coefficient        estimate      SE        z       p (Wald)</source>
        <translation>coeficiente        estimación    EE        z       p (Wald)</translation>
    </message>
    <message>
        <source>, 1 row with a missing value left out</source>
        <translation>, 1 fila con un valor ausente excluida</translation>
    </message>
    <message>
        <source>, {0} rows with a missing value left out</source>
        <translation>, {0} filas con un valor ausente excluidas</translation>
    </message>
    <message>
        <source>{0} test points</source>
        <translation>{0} puntos de prueba</translation>
    </message>
    <message>
        <source>all {0} points (no test share)</source>
        <translation>los {0} puntos (sin parte de prueba)</translation>
    </message>
    <message>
        <source>On {0}, threshold t = {1}: accuracy {2}, precision {3}{4}, recall {5}, specificity {6}, F1 {7}</source>
        <translation>Sobre {0}, umbral t = {1}: exactitud {2}, precisión {3}{4}, sensibilidad {5}, especificidad {6}, F1 {7}</translation>
    </message>
    <message>
        <source> (nothing predicted positive)</source>
        <translation> (ninguno predicho positivo)</translation>
    </message>
    <message>
        <source>AUC = {0} (trapezoids {1}) = U / (n₁n₀) = {2} / ({3}·{4}): the chance a random {5} outranks a random {6}</source>
        <translation>AUC = {0} (trapecios {1}) = U / (n₁n₀) = {2} / ({3}·{4}): la probabilidad de que un {5} al azar puntúe por encima de un {6} al azar</translation>
    </message>
    <message>
        <source>precision {0} at recall {1}; positives are {2} of the points (a useless model&apos;s precision)</source>
        <translation>precisión {0} con sensibilidad {1}; los positivos son el {2} de los puntos (la precisión de un modelo inútil)</translation>
    </message>
    <message>
        <source>Brier score {0} (mean of (p − y)²; 0 is perfect, {1} for always predicting the base rate)</source>
        <translation>puntuación de Brier {0} (media de (p − y)²; 0 es perfecto, {1} si siempre se predice la tasa base)</translation>
    </message>
    <message>
        <source>{0} (positive) vs {1}: {2} points{3}. </source>
        <translation>{0} (positivo) frente a {1}: {2} puntos{3}. </translation>
    </message>
    <message>
        <source>Perfectly separable: the maximum-likelihood fit runs off to infinity. </source>
        <translation>Perfectamente separable: el ajuste de máxima verosimilitud se va al infinito. </translation>
    </message>
    <message>
        <source>Threshold {0}: TP {1}, FP {2}, TN {3}, FN {4}; accuracy {5}, AUC {6}.</source>
        <translation>Umbral {0}: VP {1}, FP {2}, VN {3}, FN {4}; exactitud {5}, AUC {6}.</translation>
    </message>
    <message>
        <source>The two classes are perfectly separable: a line puts every positive on one side. Scaling the coefficients up always lowers the log-loss toward 0, so the maximum-likelihood estimate runs off to infinity and has no standard errors. Add an L2 penalty or overlapping data.</source>
        <translation>Las dos clases son perfectamente separables: una recta deja todos los positivos a un lado. Agrandar los coeficientes siempre baja la pérdida logarítmica hacia 0, así que la estimación de máxima verosimilitud se va al infinito y no tiene errores estándar. Añade una penalización L2 o datos que se solapen.</translation>
    </message>
    <message>
        <source>A feature is constant, so its coefficient is not identified; choose another feature.</source>
        <translation>Una variable es constante, así que su coeficiente no está identificado; elige otra variable.</translation>
    </message>
    <message>
        <source>The information matrix is singular: the features are collinear, so the SEs are undefined.</source>
        <translation>La matriz de información es singular: las variables son colineales, así que los EE no están definidos.</translation>
    </message>
    <message>
        <source>bill length (mm)</source>
        <translation>longitud del pico (mm)</translation>
    </message>
    <message>
        <source>bill depth (mm)</source>
        <translation>profundidad del pico (mm)</translation>
    </message>
    <message>
        <source>flipper length (mm)</source>
        <translation>longitud de la aleta (mm)</translation>
    </message>
    <message>
        <source>body mass (g)</source>
        <translation>masa corporal (g)</translation>
    </message>
</context>
<context>
    <name>datasets</name>
    <message>
        <source>Anscombe&apos;s quartet</source>
        <translation>Cuarteto de Anscombe</translation>
    </message>
    <message>
        <source>Prussian horse-kick deaths</source>
        <translation>Muertes por coz de caballo en Prusia</translation>
    </message>
    <message>
        <source>Student&apos;s sleep data</source>
        <translation>Datos de sueño de Student</translation>
    </message>
    <message>
        <source>Darwin&apos;s maize plants</source>
        <translation>Plantas de maíz de Darwin</translation>
    </message>
    <message>
        <source>Mendel&apos;s peas</source>
        <translation>Guisantes de Mendel</translation>
    </message>
</context>
<context>
    <name>decomp</name>
    <message>
        <source>A is the zero matrix: the whole cube collapses to the origin.</source>
        <translation>A es la matriz nula: todo el cubo se colapsa en el origen.</translation>
    </message>
    <message>
        <source>Rank 1: the cube is squashed onto a line; its volume det A is 0.</source>
        <translation>Rango 1: el cubo se aplasta sobre una recta; su volumen det A es 0.</translation>
    </message>
    <message>
        <source>Rank 2: the cube is flattened into a plane; its volume det A is 0 and A has no inverse.</source>
        <translation>Rango 2: el cubo se aplana en un plano; su volumen det A es 0 y A no tiene inversa.</translation>
    </message>
    <message>
        <source>Negative determinant: the cube is turned inside out (orientation flipped).</source>
        <translation>Determinante negativo: el cubo se da la vuelta (la orientación se invierte).</translation>
    </message>
    <message>
        <source>No points: add points to fit a curve.</source>
        <translation>No hay puntos: añade puntos para ajustar una curva.</translation>
    </message>
    <message>
        <source>The points have {0} different x value(s): a degree-{1} fit needs {2}, so AᵀA is singular and the fit is not unique (showing the shortest x̂).</source>
        <translation>Los puntos tienen {0} valor(es) de x distinto(s): un ajuste de grado {1} necesita {2}, así que AᵀA es singular y el ajuste no es único (se muestra el x̂ más corto).</translation>
    </message>
    <message>
        <source>With damping d = 1 this chain has {0} separate closed parts: the stationary distribution is not unique (it depends on where the walker starts). Lower d to fix it.</source>
        <translation>Con amortiguación d = 1 esta cadena tiene {0} partes cerradas separadas: la distribución estacionaria no es única (depende de dónde empiece el caminante). Baja d para arreglarlo.</translation>
    </message>
    <message>
        <source>With damping d = 1 this chain is periodic: power iteration cycles instead of settling. Lower d below 1 and it converges.</source>
        <translation>Con amortiguación d = 1 esta cadena es periódica: la iteración de potencias da vueltas en lugar de estabilizarse. Baja d por debajo de 1 y converge.</translation>
    </message>
    <message>
        <source>Every row is the same: there is no variance to explain.</source>
        <translation>Todas las filas son iguales: no hay varianza que explicar.</translation>
    </message>
    <message>
        <source>A is the zero matrix: every vector goes to 0, all singular values are 0 and A⁺ = 0.</source>
        <translation>A es la matriz nula: todo vector va a 0, todos los valores singulares son 0 y A⁺ = 0.</translation>
    </message>
    <message>
        <source>A is singular (rank {0} of {1}): the circle is flattened, the condition number is infinite and A has no inverse — the pseudo-inverse A⁺ still exists.</source>
        <translation>A es singular (rango {0} de {1}): el círculo se aplana, el número de condición es infinito y A no tiene inversa — la pseudoinversa A⁺ sigue existiendo.</translation>
    </message>
    <message>
        <source>A is singular (rank {0} of {1}): the sphere is flattened, the condition number is infinite and A has no inverse — the pseudo-inverse A⁺ still exists.</source>
        <translation>A es singular (rango {0} de {1}): la esfera se aplana, el número de condición es infinito y A no tiene inversa — la pseudoinversa A⁺ sigue existiendo.</translation>
    </message>
    <message>
        <source>A is nearly singular: condition number {0}, so solving with A loses about {1} digits.</source>
        <translation>A es casi singular: número de condición {0}, así que resolver con A pierde unas {1} cifras.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Puntos</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>Ruido</translation>
    </message>
    <message>
        <source>Test share</source>
        <translation>Fracción de prueba</translation>
    </message>
    <message>
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Tamaño de lote</translation>
    </message>
    <message>
        <source>separation</source>
        <translation>separación</translation>
    </message>
    <message>
        <source>points</source>
        <translation>puntos</translation>
    </message>
    <message>
        <source>L2 penalty λ</source>
        <translation>penalización L2 λ</translation>
    </message>
    <message>
        <source>threshold t</source>
        <translation>umbral t</translation>
    </message>
    <message>
        <source>test share</source>
        <translation>fracción de prueba</translation>
    </message>
    <message>
        <source>k folds</source>
        <translation>k particiones</translation>
    </message>
    <message>
        <source>resamples</source>
        <translation>remuestreos</translation>
    </message>
    <message>
        <source>feature sets</source>
        <translation>conjuntos de variables</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>μ₀</source>
        <translation>μ₀</translation>
    </message>
    <message>
        <source>true μ_A</source>
        <translation>μ_A real</translation>
    </message>
    <message>
        <source>true μ_B</source>
        <translation>μ_B real</translation>
    </message>
    <message>
        <source>σ</source>
        <translation>σ</translation>
    </message>
    <message>
        <source>n_A</source>
        <translation>n_A</translation>
    </message>
    <message>
        <source>n_B</source>
        <translation>n_B</translation>
    </message>
    <message>
        <source>p₀</source>
        <translation>p₀</translation>
    </message>
    <message>
        <source>effect d</source>
        <translation>efecto d</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>semilla</translation>
    </message>
    <message>
        <source>bins</source>
        <translation>intervalos</translation>
    </message>
    <message>
        <source>ρ</source>
        <translation>ρ</translation>
    </message>
    <message>
        <source>β</source>
        <translation>β</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>prevalence P(D)</source>
        <translation>prevalencia P(D)</translation>
    </message>
    <message>
        <source>sensitivity P(+|D)</source>
        <translation>sensibilidad P(+|D)</translation>
    </message>
    <message>
        <source>specificity P(−|not D)</source>
        <translation>especificidad P(−|no D)</translation>
    </message>
    <message>
        <source>smoothing α</source>
        <translation>suavizado α</translation>
    </message>
    <message>
        <source>condition κ</source>
        <translation>condición κ</translation>
    </message>
    <message>
        <source>rotation</source>
        <translation>rotación</translation>
    </message>
    <message>
        <source>max steps</source>
        <translation>pasos máximos</translation>
    </message>
    <message>
        <source>playback speed</source>
        <translation>velocidad de reproducción</translation>
    </message>
    <message>
        <source>x₀</source>
        <translation>x₀</translation>
    </message>
    <message>
        <source>h</source>
        <translation>h</translation>
    </message>
    <message>
        <source>w</source>
        <translation>w</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>b</source>
        <translation>b</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>degree</source>
        <translation>grado</translation>
    </message>
    <message>
        <source>size</source>
        <translation>tamaño</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>row</source>
        <translation>fila</translation>
    </message>
    <message>
        <source>d</source>
        <translation>d</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>pasos</translation>
    </message>
    <message>
        <source>walk</source>
        <translation>paseo</translation>
    </message>
    <message>
        <source>turn</source>
        <translation>giro</translation>
    </message>
    <message>
        <source>tilt</source>
        <translation>inclinación</translation>
    </message>
    <message>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <source>θ</source>
        <translation>θ</translation>
    </message>
    <message>
        <source>c</source>
        <translation>c</translation>
    </message>
    <message>
        <source>a</source>
        <translation>a</translation>
    </message>
    <message>
        <source>momentum μ</source>
        <translation>momento μ</translation>
    </message>
    <message>
        <source>β₁</source>
        <translation>β₁</translation>
    </message>
    <message>
        <source>β₂</source>
        <translation>β₂</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
</context>
<context>
    <name>inference</name>
    <message>
        <source>conversion A = {0}%, B = {1}%&lt;br&gt;z = {2}, &lt;b&gt;p = {3}&lt;/b&gt;</source>
        <translation>conversión A = {0} %, B = {1} %&lt;br&gt;z = {2}, &lt;b&gt;p = {3}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} of {1}&lt;/b&gt; intervals cover μ = {2} (expected about {3})</source>
        <translation>&lt;b&gt;{0} de {1}&lt;/b&gt; intervalos cubren μ = {2} (se esperan unos {3})</translation>
    </message>
    <message>
        <source>{0} of {1} {2} intervals contain the true mean; {3} miss it (in vermillion). The {2} is the method&apos;s hit rate over many samples, not a probability about one interval.</source>
        <translation>{0} de {1} intervalos al {2} contienen la media real; {3} no (en bermellón). El {2} es la tasa de acierto del método sobre muchas muestras, no una probabilidad sobre un intervalo concreto.</translation>
    </message>
    <message>
        <source>&lt;b&gt;power = {0}&lt;/b&gt;&lt;br&gt;β (type II) = {1}&lt;br&gt;α (type I) = {2}</source>
        <translation>&lt;b&gt;potencia = {0}&lt;/b&gt;&lt;br&gt;β (tipo II) = {1}&lt;br&gt;α (tipo I) = {2}</translation>
    </message>
    <message>
        <source>With effect d = {0} and n = {1}, the test detects the effect {2}% of the time (power); it misses it {3}% of the time (β).</source>
        <translation>Con efecto d = {0} y n = {1}, el contraste detecta el efecto el {2} % de las veces (potencia); no lo detecta el {3} % de las veces (β).</translation>
    </message>
    <message>
        <source> (every relabelling: an exact test)</source>
        <translation> (todos los reetiquetados: un contraste exacto)</translation>
    </message>
    <message>
        <source>observed difference = {0}&lt;br&gt;{1}&lt;br&gt;&lt;b&gt;p = {2}&lt;/b&gt; after {3} of {4} shuffles{5}</source>
        <translation>diferencia observada = {0}&lt;br&gt;{1}&lt;br&gt;&lt;b&gt;p = {2}&lt;/b&gt; tras {3} de {4} permutaciones{5}</translation>
    </message>
    <message>
        <source>Shuffling labels… {0} of {1}: {2}.</source>
        <translation>Permutando etiquetas… {0} de {1}: {2}.</translation>
    </message>
    <message>
        <source>reject H₀: the labels seem to matter.</source>
        <translation>se rechaza H₀: las etiquetas parecen importar.</translation>
    </message>
    <message>
        <source>do not reject H₀: shuffled labels often give a difference this large.</source>
        <translation>no se rechaza H₀: las etiquetas permutadas dan a menudo una diferencia así de grande.</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>media</translation>
    </message>
    <message>
        <source>median</source>
        <translation>mediana</translation>
    </message>
    <message>
        <source>standard deviation</source>
        <translation>desviación típica</translation>
    </message>
    <message>
        <source>percentile</source>
        <translation>percentil</translation>
    </message>
    <message>
        <source>basic</source>
        <translation>básico</translation>
    </message>
    <message>
        <source>sample {0} = {1}&lt;br&gt;&lt;b&gt;{2} CI [{3}, {4}]&lt;/b&gt;&lt;br&gt;bootstrap standard error = {5}</source>
        <translation>{0} muestral = {1}&lt;br&gt;&lt;b&gt;IC al {2} [{3}; {4}]&lt;/b&gt;&lt;br&gt;error estándar bootstrap = {5}</translation>
    </message>
    <message>
        <source>{0} {1} bootstrap interval for the {2}: [{3}, {4}]. It comes from resampling the data itself — no formula for the sampling distribution needed.</source>
        <translation>Intervalo bootstrap {1} al {0} para la {2}: [{3}; {4}]. Sale de remuestrear los propios datos — no hace falta ninguna fórmula de la distribución muestral.</translation>
    </message>
    <message>
        <source>p = {0} ≤ α = {1}: reject H₀ ({2}). Data this extreme would be rare if H₀ were true, so the data support H₁ ({3}).</source>
        <translation>valor p = {0} ≤ α = {1}: se rechaza H₀ ({2}). Unos datos tan extremos serían raros si H₀ fuera cierta, así que los datos apoyan H₁ ({3}).</translation>
    </message>
    <message>
        <source>p = {0} &gt; α = {1}: do not reject H₀ ({2}). The data are consistent with H₀ — which is not the same as proving it.</source>
        <translation>valor p = {0} &gt; α = {1}: no se rechaza H₀ ({2}). Los datos son compatibles con H₀, lo que no es lo mismo que demostrarla.</translation>
    </message>
    <message>
        <source>reject H₀ when |{0}| ≥ {1}</source>
        <translation>se rechaza H₀ si |{0}| ≥ {1}</translation>
    </message>
    <message>
        <source>H₀ is never rejected at this α</source>
        <translation>H₀ nunca se rechaza con este α</translation>
    </message>
    <message>
        <source>reject H₀ when {0}</source>
        <translation>se rechaza H₀ si {0}</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>One-sample t-test</source>
        <translation>Contraste t de una muestra</translation>
    </message>
    <message>
        <source>Two-sample t-test (Welch)</source>
        <translation>Contraste t de dos muestras (Welch)</translation>
    </message>
    <message>
        <source>Two-sample t-test (pooled variance)</source>
        <translation>Contraste t de dos muestras (varianza combinada)</translation>
    </message>
    <message>
        <source>z-test (known σ)</source>
        <translation>Contraste z (σ conocida)</translation>
    </message>
    <message>
        <source>One-proportion z-test</source>
        <translation>Contraste z de una proporción</translation>
    </message>
    <message>
        <source>Exact binomial test</source>
        <translation>Contraste binomial exacto</translation>
    </message>
    <message>
        <source>Chi-square goodness of fit</source>
        <translation>Bondad de ajuste ji cuadrado</translation>
    </message>
    <message>
        <source>sample mean x̄</source>
        <translation>media muestral x̄</translation>
    </message>
    <message>
        <source>difference of means x̄_A − x̄_B</source>
        <translation>diferencia de medias x̄_A − x̄_B</translation>
    </message>
    <message>
        <source>sample proportion k/n</source>
        <translation>proporción muestral k/n</translation>
    </message>
    <message>
        <source>difference of proportions A − B</source>
        <translation>diferencia de proporciones A − B</translation>
    </message>
    <message>
        <source>A/B test (two proportions)</source>
        <translation>Prueba A/B (dos proporciones)</translation>
    </message>
    <message>
        <source>{0} of {1} shuffles {2} observed</source>
        <translation>{0} de {1} permutaciones {2} observada</translation>
    </message>
    <message>
        <source> (the nearer tail, doubled)</source>
        <translation> (la cola más cercana, duplicada)</translation>
    </message>
    <message>
        <source>probability under H₀</source>
        <translation>probabilidad bajo H₀</translation>
    </message>
    <message>
        <source>density under H₀</source>
        <translation>densidad bajo H₀</translation>
    </message>
    <message>
        <source>observed {0} = {1}</source>
        <translation>{0} observado = {1}</translation>
    </message>
</context>
<context>
    <name>linalg</name>
    <message>
        <source>singular: det = 0, the plane collapses</source>
        <translation>singular: det = 0, el plano se aplasta</translation>
    </message>
    <message>
        <source>  (flipped)</source>
        <translation>  (invertida)</translation>
    </message>
    <message>
        <source>singular: the plane collapses onto a point</source>
        <translation>singular: el plano se aplasta en un punto</translation>
    </message>
    <message>
        <source>singular: the plane collapses onto a line</source>
        <translation>singular: el plano se aplasta en una recta</translation>
    </message>
    <message>
        <source>keeps orientation (î→ĵ still turns counter-clockwise)</source>
        <translation>conserva la orientación (î→ĵ sigue girando en sentido antihorario)</translation>
    </message>
    <message>
        <source>flips orientation (mirror image)</source>
        <translation>invierte la orientación (imagen especular)</translation>
    </message>
    <message>
        <source>Area of the unit square × {0}; {1}.</source>
        <translation>Área del cuadrado unidad × {0}; {1}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Eigenvalues:&lt;/b&gt; {0}&lt;br&gt;{1}.</source>
        <translation>&lt;b&gt;Autovalores:&lt;/b&gt; {0}&lt;br&gt;{1}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Eigenvalues are complex.&lt;/b&gt;&lt;br&gt;{0}.</source>
        <translation>&lt;b&gt;Los autovalores son complejos.&lt;/b&gt;&lt;br&gt;{0}.</translation>
    </message>
    <message>
        <source>One solution: the lines meet at one point.</source>
        <translation>Una solución: las rectas se cortan en un punto.</translation>
    </message>
    <message>
        <source>No solution: the lines are parallel and never meet.</source>
        <translation>Sin solución: las rectas son paralelas y nunca se cortan.</translation>
    </message>
    <message>
        <source>det A = 0 and the equations contradict each other.</source>
        <translation>det A = 0 y las ecuaciones se contradicen.</translation>
    </message>
    <message>
        <source>Infinitely many solutions: both equations are the same line.</source>
        <translation>Infinitas soluciones: las dos ecuaciones son la misma recta.</translation>
    </message>
    <message>
        <source>det A = 0 and every point on the line solves both equations.</source>
        <translation>det A = 0 y cada punto de la recta resuelve las dos ecuaciones.</translation>
    </message>
    <message>
        <source>exact fractions</source>
        <translation>fracciones exactas</translation>
    </message>
    <message>
        <source>decimals (rounded for display)</source>
        <translation>decimales (redondeados al mostrarlos)</translation>
    </message>
    <message>
        <source>Walk with Next ▶ to the reduced form. Arithmetic: {0}.</source>
        <translation>Avanza con Siguiente ▶ hasta la forma reducida. Aritmética: {0}.</translation>
    </message>
    <message>
        <source>Start: the augmented matrix [A | b]</source>
        <translation>Inicio: la matriz ampliada [A | b]</translation>
    </message>
    <message>
        <source>step {0} of {1}</source>
        <translation>paso {0} de {1}</translation>
    </message>
    <message>
        <source>complex eigenvalues {0} ± {1}i: no real direction stays on its own line (the map rotates every vector)</source>
        <translation>autovalores complejos {0} ± {1}i: ninguna dirección real se queda en su propia recta (la aplicación gira todos los vectores)</translation>
    </message>
    <message>
        <source>only {0} eigen-directions in {1} dimensions</source>
        <translation>solo {0} direcciones propias en {1} dimensiones</translation>
    </message>
    <message>
        <source>only {0} eigen-direction in {1} dimensions</source>
        <translation>solo {0} dirección propia en {1} dimensiones</translation>
    </message>
    <message>
        <source> (a repeated eigenvalue, as in a shear): the matrix cannot be diagonalised</source>
        <translation> (un autovalor repetido, como en una cizalla): la matriz no es diagonalizable</translation>
    </message>
    <message>
        <source>a repeated eigenvalue with a whole plane of eigenvectors: every direction stays on its line</source>
        <translation>un autovalor repetido con todo un plano de autovectores: cada dirección se queda en su recta</translation>
    </message>
    <message>
        <source>real eigen-directions: a vector on one of them stays on its line, stretched by its eigenvalue ({0})</source>
        <translation>direcciones propias reales: un vector sobre una de ellas se queda en su recta, estirado por su autovalor ({0})</translation>
    </message>
</context>
<context>
    <name>nn</name>
    <message>
        <source>logistic regression</source>
        <translation>regresión logística</translation>
    </message>
    <message>
        <source>{0} hidden layer(s)</source>
        <translation>{0} capa(s) oculta(s)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; network — {1}, {2} parameters</source>
        <translation>red &lt;b&gt;{0}&lt;/b&gt; — {1}, {2} parámetros</translation>
    </message>
    <message>
        <source>no test set</source>
        <translation>sin conjunto de prueba</translation>
    </message>
    <message>
        <source>units 1 and 2</source>
        <translation>unidades 1 y 2</translation>
    </message>
    <message>
        <source>1 unit (horizontal) against the input&apos;s y (vertical)</source>
        <translation>1 unidad (horizontal) frente a la y de la entrada (vertical)</translation>
    </message>
    <message>
        <source>units 1 and 2 of {0}</source>
        <translation>unidades 1 y 2 de {0}</translation>
    </message>
    <message>
        <source>PCA of {0} units ({1} of the spread)</source>
        <translation>PCA de {0} unidades ({1} de la dispersión)</translation>
    </message>
    <message>
        <source>input plane</source>
        <translation>plano de entrada</translation>
    </message>
    <message>
        <source>x and y</source>
        <translation>x e y</translation>
    </message>
    <message>
        <source>output</source>
        <translation>salida</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>capa {0}</translation>
    </message>
</context>
<context>
    <name>notebook</name>
    <message>
        <source>Made with ML Math Sandbox. Each code cell runs on its own with numpy, scipy and matplotlib (sympy where exact arithmetic is the point): change a number and run it again.</source>
        <translation>Hecho con ML Math Sandbox. Cada celda de código se ejecuta por sí sola con numpy, scipy y matplotlib (sympy donde importa la aritmética exacta): cambia un número y vuelve a ejecutarla.</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>The code for this step is the same as above.</source>
        <translation>El código de este paso es el mismo que el de arriba.</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Escena</translation>
    </message>
    <message>
        <source>the scene holds no lab, so there is no code to put in a notebook</source>
        <translation>la escena no contiene ningún laboratorio, así que no hay código que poner en un cuaderno</translation>
    </message>
    <message>
        <source>{source}: no such file, and no bundled lesson has that name</source>
        <translation>{source}: no existe ese archivo y ninguna lección incluida tiene ese nombre</translation>
    </message>
    <message>
        <source>{path}: not a lesson (.mllesson) or a scene (.mlscene)</source>
        <translation>{path}: no es una lección (.mllesson) ni una escena (.mlscene)</translation>
    </message>
</context>
<context>
    <name>optim</name>
    <message>
        <source>Your own f(x, y)</source>
        <translation>Tu propia f(x, y)</translation>
    </message>
    <message>
        <source>Fit a line (MSE)</source>
        <translation>Ajustar una recta (ECM)</translation>
    </message>
    <message>
        <source>Quadratic bowl</source>
        <translation>Cuenco cuadrático</translation>
    </message>
    <message>
        <source>Saddle x² − y²</source>
        <translation>Silla x² − y²</translation>
    </message>
    <message>
        <source>Six-hump camel</source>
        <translation>Camello de seis jorobas</translation>
    </message>
    <message>
        <source>mean((m·xᵢ + b − yᵢ)²)</source>
        <translation>media((m·xᵢ + b − yᵢ)²)</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>Descenso de gradiente</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momento</translation>
    </message>
    <message>
        <source>({0}) after {1} steps</source>
        <translation>({0}) tras {1} pasos</translation>
    </message>
    <message>
        <source>stable only for lr &lt; {0}</source>
        <translation>estable solo si lr &lt; {0}</translation>
    </message>
    <message>
        <source>the loss or its gradient is not finite at the start point</source>
        <translation>la pérdida o su gradiente no es finito en el punto de inicio</translation>
    </message>
    <message>
        <source>f is not differentiable at the start point ({0}): a kink or a step is there</source>
        <translation>f no es derivable en el punto de inicio ({0}): ahí hay un pico o un escalón</translation>
    </message>
    <message>
        <source>stopped at step {0}: {1}</source>
        <translation>detenido en el paso {0}: {1}</translation>
    </message>
    <message>
        <source>stopped at step {0}: f is not differentiable at ({1}), a kink or a step</source>
        <translation>detenido en el paso {0}: f no es derivable en ({1}), un pico o un escalón</translation>
    </message>
    <message>
        <source>diverged at step {0}: the loss or the point blew up</source>
        <translation>divergió en el paso {0}: la pérdida o el punto se dispararon</translation>
    </message>
    <message>
        <source>converged after {0} steps (‖∇f‖ &lt; {1})</source>
        <translation>convergió tras {0} pasos (‖∇f‖ &lt; {1})</translation>
    </message>
    <message>
        <source>stopped at the step limit ({0}); ‖∇f‖ = {1}</source>
        <translation>detenido en el límite de pasos ({0}); ‖∇f‖ = {1}</translation>
    </message>
    <message>
        <source>; the Hessian was not positive definite from step {0}, so Newton&apos;s step may point to a saddle or a maximum</source>
        <translation>; la hessiana dejó de ser definida positiva desde el paso {0}, así que el paso de Newton puede apuntar a un punto de silla o a un máximo</translation>
    </message>
</context>
<context>
    <name>prob</name>
    <message>
        <source>two dice (36 outcomes)</source>
        <translation>dos dados (36 resultados)</translation>
    </message>
    <message>
        <source>a deck of cards (52 outcomes)</source>
        <translation>una baraja de cartas (52 resultados)</translation>
    </message>
    <message>
        <source>three coins (8 outcomes)</source>
        <translation>tres monedas (8 resultados)</translation>
    </message>
    <message>
        <source>first die is even</source>
        <translation>el primer dado es par</translation>
    </message>
    <message>
        <source>the sum is 7</source>
        <translation>la suma es 7</translation>
    </message>
    <message>
        <source>first die shows 6</source>
        <translation>el primer dado saca 6</translation>
    </message>
    <message>
        <source>second die shows 6</source>
        <translation>el segundo dado saca 6</translation>
    </message>
    <message>
        <source>doubles (both dice equal)</source>
        <translation>dobles (los dos dados iguales)</translation>
    </message>
    <message>
        <source>the sum is even</source>
        <translation>la suma es par</translation>
    </message>
    <message>
        <source>the sum is 10 or more</source>
        <translation>la suma es 10 o más</translation>
    </message>
    <message>
        <source>at least one die shows 1</source>
        <translation>al menos un dado saca 1</translation>
    </message>
    <message>
        <source>a heart ♥</source>
        <translation>un corazón ♥</translation>
    </message>
    <message>
        <source>a face card (J, Q, K)</source>
        <translation>una figura (J, Q, K)</translation>
    </message>
    <message>
        <source>a red card (♥ or ♦)</source>
        <translation>una carta roja (♥ o ♦)</translation>
    </message>
    <message>
        <source>a spade ♠</source>
        <translation>una pica ♠</translation>
    </message>
    <message>
        <source>an ace</source>
        <translation>un as</translation>
    </message>
    <message>
        <source>a king</source>
        <translation>un rey</translation>
    </message>
    <message>
        <source>a number card (2–10)</source>
        <translation>una carta numérica (2–10)</translation>
    </message>
    <message>
        <source>first coin is heads</source>
        <translation>la primera moneda sale cara</translation>
    </message>
    <message>
        <source>all three coins the same</source>
        <translation>las tres monedas iguales</translation>
    </message>
    <message>
        <source>second coin is heads</source>
        <translation>la segunda moneda sale cara</translation>
    </message>
    <message>
        <source>two or more heads</source>
        <translation>dos caras o más</translation>
    </message>
    <message>
        <source>exactly one heads</source>
        <translation>exactamente una cara</translation>
    </message>
    <message>
        <source>no heads at all</source>
        <translation>ninguna cara</translation>
    </message>
</context>
<context>
    <name>stats</name>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>continuous</source>
        <translation>continua</translation>
    </message>
    <message>
        <source>location</source>
        <translation>posición</translation>
    </message>
    <message>
        <source>standard deviation</source>
        <translation>desviación típica</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>Uniforme</translation>
    </message>
    <message>
        <source>lower end</source>
        <translation>extremo inferior</translation>
    </message>
    <message>
        <source>upper end</source>
        <translation>extremo superior</translation>
    </message>
    <message>
        <source>Exponential</source>
        <translation>Exponencial</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>tasa</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>forma</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>Beta</translation>
    </message>
    <message>
        <source>shape α</source>
        <translation>forma α</translation>
    </message>
    <message>
        <source>shape β</source>
        <translation>forma β</translation>
    </message>
    <message>
        <source>Log-normal</source>
        <translation>Log-normal</translation>
    </message>
    <message>
        <source>mean of log x</source>
        <translation>media de log x</translation>
    </message>
    <message>
        <source>sd of log x</source>
        <translation>desv. típica de log x</translation>
    </message>
    <message>
        <source>Student t</source>
        <translation>t de Student</translation>
    </message>
    <message>
        <source>degrees of freedom</source>
        <translation>grados de libertad</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>escala</translation>
    </message>
    <message>
        <source>Chi-square</source>
        <translation>Ji cuadrado</translation>
    </message>
    <message>
        <source>Laplace</source>
        <translation>Laplace</translation>
    </message>
    <message>
        <source>Cauchy</source>
        <translation>Cauchy</translation>
    </message>
    <message>
        <source>Bernoulli</source>
        <translation>Bernoulli</translation>
    </message>
    <message>
        <source>discrete</source>
        <translation>discreta</translation>
    </message>
    <message>
        <source>success probability</source>
        <translation>probabilidad de éxito</translation>
    </message>
    <message>
        <source>Binomial</source>
        <translation>Binomial</translation>
    </message>
    <message>
        <source>number of trials</source>
        <translation>número de ensayos</translation>
    </message>
    <message>
        <source>Poisson</source>
        <translation>Poisson</translation>
    </message>
    <message>
        <source>mean count</source>
        <translation>recuento medio</translation>
    </message>
    <message>
        <source>Geometric</source>
        <translation>Geométrica</translation>
    </message>
    <message>
        <source>Negative binomial</source>
        <translation>Binomial negativa</translation>
    </message>
    <message>
        <source>successes needed</source>
        <translation>éxitos necesarios</translation>
    </message>
    <message>
        <source>The principal axes are the covariance matrix&apos;s eigenvectors, each drawn ±2√λ long: PCA keeps the long one.</source>
        <translation>Los ejes principales son los vectores propios de la matriz de covarianza, cada uno dibujado con longitud ±2√λ: el PCA se queda con el largo.</translation>
    </message>
    <message>
        <source>The MAP sits between the prior&apos;s pull and the data&apos;s MLE; more flips, less prior.</source>
        <translation>El MAP queda entre el tirón de la distribución a priori y el EMV de los datos; cuantos más lanzamientos, menos pesa la a priori.</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>no definido</translation>
    </message>
    <message>
        <source>heads {0}, tails {1}
posterior Beta({2}, {3})
MAP {4}   MLE {5}   mean {6}
95 % credible interval [{7}, {8}]</source>
        <translation>caras {0}, cruces {1}
a posteriori Beta({2}; {3})
MAP {4}   EMV {5}   media {6}
intervalo de credibilidad del 95 % [{7}; {8}]</translation>
    </message>
    <message>
        <source>Flips ({0}): {1}</source>
        <translation>Lanzamientos ({0}): {1}</translation>
    </message>
    <message>
        <source>{0}
eigenvalues λ₁ = {1}, λ₂ = {2}
sample ρ = {3} ({4} points)</source>
        <translation>{0}
valores propios λ₁ = {1}; λ₂ = {2}
ρ muestral = {3} ({4} puntos)</translation>
    </message>
    <message>
        <source>support: {0}</source>
        <translation>soporte: {0}</translation>
    </message>
    <message>
        <source>loaded: {0} ({1} values)</source>
        <translation>cargado: {0} ({1} valores)</translation>
    </message>
    <message>
        <source>no data loaded</source>
        <translation>no hay datos cargados</translation>
    </message>
    <message>
        <source>Beta: the likelihood equations could not be solved ({0})</source>
        <translation>Beta: no se pudieron resolver las ecuaciones de verosimilitud ({0})</translation>
    </message>
    <message>
        <source>Chi-square: the fit converged outside k &gt; 0</source>
        <translation>Chi cuadrado: el ajuste convergió fuera de k &gt; 0</translation>
    </message>
    <message>
        <source>Student t: the fit converged outside ν &gt; 0, σ &gt; 0</source>
        <translation>t de Student: el ajuste convergió fuera de ν &gt; 0, σ &gt; 0</translation>
    </message>
    <message>
        <source>Cauchy: the fit converged outside γ &gt; 0</source>
        <translation>Cauchy: el ajuste convergió fuera de γ &gt; 0</translation>
    </message>
    <message>
        <source>No finite variance: the CLT does not apply (a Cauchy mean is as spread as one draw).</source>
        <translation>Sin varianza finita: el TCL no se aplica (una media de Cauchy está tan dispersa como una sola extracción).</translation>
    </message>
    <message>
        <source>With α, β ≤ 1 the posterior is U-shaped: no single most likely p (MAP undefined).</source>
        <translation>Con α, β ≤ 1 la distribución a posteriori tiene forma de U: no hay un único p más probable (MAP no definido).</translation>
    </message>
    <message>
        <source>No flips yet: the posterior is the prior and the MLE is undefined.</source>
        <translation>Aún no hay lanzamientos: la distribución a posteriori es la a priori y el EMV no está definido.</translation>
    </message>
    <message>
        <source>The Cauchy distribution has no mean and no variance: sample means never settle down.</source>
        <translation>La distribución de Cauchy no tiene media ni varianza: las medias muestrales nunca se estabilizan.</translation>
    </message>
    <message>
        <source>With ν ≤ 1 the t distribution has no mean (like the Cauchy).</source>
        <translation>Con ν ≤ 1 la distribución t no tiene media (como la de Cauchy).</translation>
    </message>
    <message>
        <source>With ν ≤ 2 the variance is infinite: the CLT&apos;s normal limit does not apply.</source>
        <translation>Con ν ≤ 2 la varianza es infinita: el límite normal del TCL no se aplica.</translation>
    </message>
    <message>
        <source>With ν ≤ 3 the skewness is undefined.</source>
        <translation>Con ν ≤ 3 la asimetría no está definida.</translation>
    </message>
    <message>
        <source>The distribution is a single point: skewness is undefined.</source>
        <translation>La distribución es un único punto: la asimetría no está definida.</translation>
    </message>
    <message>
        <source>A QQ plot needs at least 3 draws: raise N.</source>
        <translation>Un gráfico QQ necesita al menos 3 extracciones: aumenta N.</translation>
    </message>
    <message>
        <source>Every draw is the same value: the points lie on a flat line and their correlation r is undefined.</source>
        <translation>Todas las extracciones tienen el mismo valor: los puntos están en una recta horizontal y su correlación r no está definida.</translation>
    </message>
    <message>
        <source>Correlation of the points r = {0}. Straight: normal-shaped; an S or a banana: heavy tails or skew.</source>
        <translation>Correlación de los puntos r = {0}. Recta: forma normal; una S o un plátano: colas pesadas o asimetría.</translation>
    </message>
    <message>
        <source>{0} test p = {1} (N = {2})</source>
        <translation>prueba {0}: p = {1} (N = {2})</translation>
    </message>
    <message>
        <source>goodness-of-fit test when the slider is released (N = {0})</source>
        <translation>prueba de bondad de ajuste al soltar el deslizador (N = {0})</translation>
    </message>
    <message>
        <source>{0} extreme draws lie outside the histogram&apos;s range</source>
        <translation>{0} extracciones extremas quedan fuera del rango del histograma</translation>
    </message>
    <message>
        <source>After {0} draws the mean is {1}.</source>
        <translation>Tras {0} extracciones la media es {1}.</translation>
    </message>
    <message>
        <source>n = {0}: means have sd σ/√n = {1} (observed {2}).</source>
        <translation>n = {0}: las medias tienen desviación típica σ/√n = {1} (observada {2}).</translation>
    </message>
</context>
<context>
    <name>vectors</name>
    <message>
        <source>span{u, v} = the whole plane</source>
        <translation>gen{u, v} = todo el plano</translation>
    </message>
    <message>
        <source>u, v dependent: span = a line</source>
        <translation>u, v dependientes: generan una recta</translation>
    </message>
    <message>
        <source>u = v = 0: span = the origin</source>
        <translation>u = v = 0: generan solo el origen</translation>
    </message>
    <message>
        <source>undefined (zero vector)</source>
        <translation>no definido (vector cero)</translation>
    </message>
    <message>
        <source>undefined (v = 0)</source>
        <translation>no definido (v = 0)</translation>
    </message>
    <message>
        <source>u and v are independent: a·u + b·v reaches the whole plane</source>
        <translation>u y v son independientes: a·u + b·v llega a todo el plano</translation>
    </message>
    <message>
        <source>u and v are dependent (parallel): a·u + b·v only reaches a line</source>
        <translation>u y v son dependientes (paralelos): a·u + b·v solo llega a una recta</translation>
    </message>
    <message>
        <source>u and v are both zero: a·u + b·v only reaches the origin</source>
        <translation>u y v son ambos cero: a·u + b·v solo llega al origen</translation>
    </message>
</context>
</TS>
