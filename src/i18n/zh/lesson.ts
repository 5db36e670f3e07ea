// Chinese strings for the lesson's own components (components/lesson/).
const lesson = {
  predict: {
    label: '先猜一猜',
    reveal: '看运行结果',
    answerIs: '运行结果：{answer}',
    right: '✓ 猜对了',
    wrong: '✗ 不对',
    actual: '← 运行结果是这个',
  },
  tryThis: {
    title: '动手试试',
    intro: '改上面程序里的一行，按“运行”，看看结果怎么变。',
  },
  backToSummary: '回到第 {n} 章：把所有分支放在一起看',
};

export default lesson;
